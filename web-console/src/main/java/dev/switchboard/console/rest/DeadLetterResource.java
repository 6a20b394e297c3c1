package dev.switchboard.console.rest;

import dev.switchboard.api.DeadLetterLog;
import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Messages consumers parked as dead letters, newest first: {@code GET /api/dead-letters?limit=n} (1
 * to 1,000, default 50), each with its source queue, reason, the start of its body and how many
 * tasks it named.
 */
@Path("dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
public class DeadLetterResource {

  static final int MAX_LIMIT = 1_000;

  @EJB DeadLetterLog log;

  @GET
  public List<DeadLetterLog.Entry> recent(@QueryParam("limit") @DefaultValue("50") String limit) {
    int n;
    try {
      n = Integer.parseInt(limit.trim());
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > MAX_LIMIT) {
      throw new InvalidInputException(
          "limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", got: " + limit);
    }
    return log.recent(n);
  }
}
