package dev.switchboard.registry.boundary;

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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes registrations and attribute updates of fulfillment servers from the registration queue, a
 * few dozen servers per transaction. An update with absurd values is unreadable and parked as a
 * dead letter with the reason; the server's last good attributes stay.
 *
 * <p>One instance only ({@code maxPoolSize} 1, glassfish-ejb-jar.xml), and each batch in name
 * order: measured with 1,000 servers reporting every 5 s, parallel consumers updating overlapping
 * rows in different orders timed out on row locks and failed on versions.
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

  /**
   * Servers per transaction: one commit per server cost an H2 chunk write each (200 a second with
   * 1,000 servers); one transaction for a whole message held its rows so long under overload that
   * the load recorder's write timed out on them and failed batches marked servers STALE.
   */
  static final int PER_TRANSACTION = 50;

  @Override
  public void onMessage(Message message) {
    consume(
        message,
        ServerUpdates.class,
        updates -> {
          List<ServerRegistration> sorted =
              updates.servers().stream()
                  .sorted(Comparator.comparing(ServerRegistration::name))
                  .toList();
          for (int from = 0; from < sorted.size(); from += PER_TRANSACTION) {
            register(sorted.subList(from, Math.min(sorted.size(), from + PER_TRANSACTION)));
          }
        });
  }

  /**
   * Applies some servers' updates in a transaction of their own. Updates that lost a race for a row
   * (the liveness check, an operator or the load recorder changed or held it) are dropped: each
   * server reports again within its update interval, and re-running them would only race again.
   */
  private void register(List<ServerRegistration> updates) {
    try {
      registry.registerAll(updates);
    } catch (EJBException e) {
      if (!lostRace(e)) {
        throw e;
      }
      LOG.log(
          Level.FINE,
          "Updates of {0} servers from {1} lost a race for their rows; their next ones replace them",
          new Object[] {updates.size(), updates.get(0).name()});
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
