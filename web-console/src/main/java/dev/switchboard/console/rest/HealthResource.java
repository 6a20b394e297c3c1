package dev.switchboard.console.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/health}, open to all: whether the API answers. Scripts wait on it after a
 * deployment; everything else in the API needs credentials.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class HealthResource {

  @GET
  public String health() {
    return "{\"status\":\"UP\"}";
  }
}
