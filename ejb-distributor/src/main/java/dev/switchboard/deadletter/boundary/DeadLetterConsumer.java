package dev.switchboard.deadletter.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.messaging.control.DeadLetters;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Reads the dead-letter queue and has {@link DeadLetterRecords} fail the tasks each parked message
 * carried, with the reason its consumer gave.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Destinations.DEAD_LETTERS),
      @ActivationConfigProperty(
          propertyName = "endpointExceptionRedeliveryAttempts",
          propertyValue = Destinations.REDELIVERY_ATTEMPTS),
      @ActivationConfigProperty(
          propertyName = "endpointExceptionRedeliveryInterval",
          propertyValue = Destinations.REDELIVERY_INTERVAL_MS),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
public class DeadLetterConsumer implements MessageListener {

  @EJB DeadLetterRecords records;

  @Override
  public void onMessage(Message message) {
    records.record(
        DeadLetters.text(message),
        property(message, Destinations.DEAD_SOURCE),
        property(message, Destinations.DEAD_REASON));
  }

  private static String property(Message message, String name) {
    try {
      return message.getStringProperty(name);
    } catch (JMSException e) {
      return null;
    }
  }
}
