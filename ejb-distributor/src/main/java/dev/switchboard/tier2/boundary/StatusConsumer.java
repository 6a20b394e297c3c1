package dev.switchboard.tier2.boundary;

import dev.switchboard.api.DeadLetters;
import dev.switchboard.api.Destinations;
import dev.switchboard.api.StatusBatch;
import dev.switchboard.messaging.boundary.ParkingConsumer;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Receives what fulfillment servers report about the tasks they ran and has {@link TaskOutcomes}
 * record it, the whole batch in the message's transaction. Unreadable or repeatedly failing
 * messages are parked as dead letters (see {@link DeadLetters}).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Destinations.STATUS),
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
public class StatusConsumer extends ParkingConsumer implements MessageListener {

  @EJB TaskOutcomes outcomes;

  @Override
  public void onMessage(Message message) {
    consume(message, StatusBatch.class, batch -> outcomes.record(batch.reports()));
  }

  @Override
  protected String source() {
    return "status";
  }
}
