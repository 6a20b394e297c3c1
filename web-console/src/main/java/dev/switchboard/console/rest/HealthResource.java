package dev.switchboard.console.rest;

import static dev.switchboard.api.JsonProviders.JSON;

import dev.switchboard.api.ServerHealth;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;

/**
 * {@code GET /api/health}, open to all: 200 {@code {"status":"UP"}} while the server can take
 * tasks; 503 {@code {"status":"DOWN","problem":...}} naming each check of {@link ServerHealth} that
 * failed (broker, database, schema). The same checks as MicroProfile Health's {@code
 * /health/ready}, kept under the API's path for scripts that wait on it after a deployment;
 * everything else in the API needs credentials.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class HealthResource {

  @EJB ServerHealth health;

  @GET
  public Response health() {
    String problems =
        health.checks().stream()
            .filter(check -> !check.up())
            .map(check -> check.name() + ": " + check.problem())
            .collect(Collectors.joining("; "));
    if (problems.isEmpty()) {
      return Response.ok("{\"status\":\"UP\"}").build();
    }
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .entity(
            JSON.createObjectBuilder()
                .add("status", "DOWN")
                .add("problem", problems)
                .build()
                .toString())
        .build();
  }
}
