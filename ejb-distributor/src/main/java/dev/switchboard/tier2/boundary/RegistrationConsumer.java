package dev.switchboard.tier2.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.ServerRegistration;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerUpdates;
import dev.switchboard.messaging.boundary.ParkingConsumer;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLTimeoutException;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes registrations and attribute updates of fulfillment servers from the registration queue, the
 * whole batch in the message's transaction. An update with absurd values is unreadable and parked
 * as a dead letter with the reason; the server's last good attributes stay.
 *
 * <p>One instance only ({@code maxPoolSize} 1, glassfish-ejb-jar.xml), and each batch in name
 * order: measured with 1,000 servers reporting every 5 s, parallel consumers updating overlapping
 * rows in different orders timed out on row locks and failed on versions, and their rollbacks held
 * up allocations.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Destinations.REGISTRATION),
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
public class RegistrationConsumer extends ParkingConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(RegistrationConsumer.class.getName());

  @EJB ServerRegistry registry;

  @Override
  public void onMessage(Message message) {
    consume(
        message,
        ServerUpdates.class,
        updates ->
            updates.servers().stream()
                .sorted(Comparator.comparing(ServerRegistration::name))
                .forEach(this::register));
  }

  /**
   * Applies one server's update in its own transaction. An update that lost a race for the row (a
   * concurrent allocation changed its version) is dropped: the server reports again within its
   * update interval, and re-running the whole batch would only race again.
   */
  private void register(ServerRegistration update) {
    try {
      registry.register(update);
    } catch (EJBException e) {
      if (!lostRace(e)) {
        throw e;
      }
      LOG.log(
          Level.FINE,
          "Update of {0} lost a race for its row; its next update replaces it",
          update.name());
    }
  }

  static boolean lostRace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException || t instanceof SQLTimeoutException) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected String source() {
    return "registration";
  }
}
