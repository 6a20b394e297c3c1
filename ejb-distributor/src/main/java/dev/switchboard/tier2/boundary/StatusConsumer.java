package dev.switchboard.tier2.boundary;

import dev.switchboard.api.DeadLetters;
import dev.switchboard.api.Destinations;
import dev.switchboard.api.StatusBatch;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

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
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
public class StatusConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(StatusConsumer.class.getName());

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Destinations.DEAD_LETTERS)
  Queue deadLetters;

  @EJB TaskOutcomes outcomes;

  @Override
  public void onMessage(Message message) {
    DeadLetters.consume(
        message,
        StatusBatch.class,
        batch -> outcomes.record(batch.reports()),
        reason -> park(message, reason));
  }

  private void park(Message message, String reason) {
    LOG.log(Level.WARNING, "Status queue parks a message as a dead letter: {0}", reason);
    DeadLetters.park(connectionFactory, deadLetters, message, "status", reason);
  }
}
