package dev.switchboard.tier2.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerUpdates;
import dev.switchboard.messaging.boundary.ParkingConsumer;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

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
public class RegistrationConsumer extends ParkingConsumer implements MessageListener {

  @EJB ServerRegistry registry;

  @Override
  public void onMessage(Message message) {
    consume(message, ServerUpdates.class, updates -> updates.servers().forEach(registry::register));
  }

  @Override
  protected String source() {
    return "registration";
  }
}
