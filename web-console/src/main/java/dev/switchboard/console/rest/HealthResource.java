package dev.switchboard.console.rest;

import static dev.switchboard.api.JsonProviders.JSON;

import dev.switchboard.api.DistributorAdmin;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/health}, open to all: 200 {@code {"status":"UP"}} while the API answers and the
 * server's messaging works; 503 {@code {"status":"DOWN","problem":...}} when it does not (see
 * {@link DistributorAdmin#messagingProblem()}). Scripts wait on it after a deployment; everything
 * else in the API needs credentials.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class HealthResource {

  @EJB DistributorAdmin distributors;

  @GET
  public Response health() {
    return distributors
        .messagingProblem()
        .map(
            problem ->
                Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(
                        JSON.createObjectBuilder()
                            .add("status", "DOWN")
                            .add("problem", problem)
                            .build()
                            .toString())
                    .build())
        .orElseGet(() -> Response.ok("{\"status\":\"UP\"}").build());
  }
}
