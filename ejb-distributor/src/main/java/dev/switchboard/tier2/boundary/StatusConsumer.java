package dev.switchboard.tier2.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.MessageCodec;
import dev.switchboard.api.StatusBatch;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * Receives what fulfillment servers report about the tasks they ran and has {@link TaskOutcomes}
 * record it, the whole batch in the message's transaction.
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

  @EJB TaskOutcomes outcomes;

  @Override
  public void onMessage(Message message) {
    StatusBatch batch;
    try {
      batch = MessageCodec.read(message, StatusBatch.class);
    } catch (RuntimeException e) {
      Redelivery.logFirst(LOG, message, "status queue rejects a message: " + e.getMessage());
      throw e;
    }
    outcomes.record(batch.reports());
  }
}
