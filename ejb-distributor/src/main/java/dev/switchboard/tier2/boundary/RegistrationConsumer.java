package dev.switchboard.tier2.boundary;

import dev.switchboard.api.DeadLetters;
import dev.switchboard.api.Destinations;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerUpdates;
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
 * Takes registrations and attribute updates of fulfillment servers from the registration queue, the
 * whole batch in the message's transaction. An update with absurd values is unreadable and parked
 * as a dead letter with the reason; the server's last good attributes stay.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Destinations.REGISTRATION),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
public class RegistrationConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(RegistrationConsumer.class.getName());

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Destinations.DEAD_LETTERS)
  Queue deadLetters;

  @EJB ServerRegistry registry;

  @Override
  public void onMessage(Message message) {
    DeadLetters.consume(
        message,
        ServerUpdates.class,
        updates -> updates.servers().forEach(registry::register),
        reason -> park(message, reason));
  }

  private void park(Message message, String reason) {
    LOG.log(Level.WARNING, "Registration queue parks a message as a dead letter: {0}", reason);
    DeadLetters.park(connectionFactory, deadLetters, message, "registration", reason);
  }
}
