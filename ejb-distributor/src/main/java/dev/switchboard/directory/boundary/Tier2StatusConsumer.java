package dev.switchboard.directory.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.messaging.MessageCodec;
import dev.switchboard.messaging.Tier2Broadcast;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tier 1's ear on the tier-2 status topic: every tier-1 server has its own non-durable
 * subscription, so every one hears every broadcast, and records it in its directory. A broadcast
 * that cannot be read is dropped with a warning: the next one replaces it, and a status topic is no
 * place for redelivery.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Destinations.TIER2_STATUS),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(
          propertyName = "subscriptionDurability",
          propertyValue = "NonDurable")
    })
public class Tier2StatusConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(Tier2StatusConsumer.class.getName());

  @EJB DistributorDirectory directory;

  @Override
  public void onMessage(Message message) {
    try {
      directory.heard(MessageCodec.read(message, Tier2Broadcast.class).statuses());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Tier-2 status broadcast dropped: {0}", e.getMessage());
    }
  }
}
