package dev.switchboard.console.health;

import dev.switchboard.api.ServerHealth;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Ready while the server can take tasks: broker connections, database and schema all pass. Each
 * check is a data entry ({@code UP}, or what is wrong), so a probe's answer says which failed.
 */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class Readiness implements HealthCheck {

  /** The check's name in the health document. */
  public static final String NAME = "switchboard";

  @EJB ServerHealth health;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
    for (ServerHealth.Check check : health.checks()) {
      response.withData(check.name(), check.up() ? "UP" : check.problem());
      if (!check.up()) {
        response.down();
      }
    }
    return response.build();
  }
}
