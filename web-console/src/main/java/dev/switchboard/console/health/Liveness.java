package dev.switchboard.console.health;

import dev.switchboard.api.ServerHealth;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Live unless only a restart can mend the server: its broker connections, and with them its message
 * consumers, are gone (the built-in broker's resource adapter does not re-establish them). A
 * database that does not answer is no reason to restart: readiness says so instead.
 */
@org.eclipse.microprofile.health.Liveness
@ApplicationScoped
public class Liveness implements HealthCheck {

  /** The check's name in the health document. */
  public static final String NAME = "switchboard-messaging";

  @EJB ServerHealth health;

  @Override
  public HealthCheckResponse call() {
    ServerHealth.Check broker = health.broker();
    return HealthCheckResponse.named(NAME)
        .status(broker.up())
        .withData(broker.name(), broker.up() ? "UP" : broker.problem())
        .build();
  }
}
