package dev.switchboard.console.rest;

import dev.switchboard.api.DistributorAdmin;
import dev.switchboard.api.DistributorView;
import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Distributors of both tiers: {@code GET /api/distributors} (tier 1 first, each tier in search
 * order, tier 2 with what it last broadcast); {@code POST /api/distributors/{name}/enable|drain|
 * disable}; {@code PUT /api/distributors/{name}} with {@code {"queueLimit":n}} for a tier-2
 * distributor; {@code POST /api/distributors/broadcast} to have tier 2 broadcast now.
 */
@Path("distributors")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
public class DistributorResource {

  static final Map<String, String> ACTIONS =
      Map.of("enable", "UP", "drain", "DRAINING", "disable", "DISABLED");

  @EJB DistributorAdmin admin;

  @GET
  public List<DistributorView> distributors() {
    return admin.distributors();
  }

  @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
  @POST
  @Path("broadcast")
  public Response broadcast() {
    admin.broadcastNow();
    return Response.accepted().build();
  }

  @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
  @POST
  @Path("{name}/{action}")
  public DistributorView change(
      @PathParam("name") String name, @PathParam("action") String action) {
    String state = ACTIONS.get(action);
    if (state == null) {
      throw new InvalidInputException(
          "action", "unknown action '" + action + "'; use enable, drain or disable");
    }
    DistributorView changed = admin.changeState(name, state);
    announce(changed);
    return changed;
  }

  @RolesAllowed(Roles.ADMIN)
  @PUT
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public DistributorView configure(@PathParam("name") String name, String body) {
    JsonObject json = JsonBodies.object(body, Set.of("queueLimit"), "a distributor's settings");
    JsonValue value = json.get("queueLimit");
    if (value == null) {
      throw new InvalidInputException("queueLimit", "queueLimit is required");
    }
    int limit = JsonBodies.whole(value, "queueLimit");
    if (limit < 0) {
      throw new InvalidInputException("queueLimit", "queueLimit must not be negative");
    }
    DistributorView changed = admin.changeQueueLimit(name, limit);
    announce(changed);
    return changed;
  }

  /** A change to a tier-2 distributor is broadcast at once, not at the next heartbeat. */
  private void announce(DistributorView changed) {
    if (changed.tier() == 2) {
      admin.broadcastNow();
    }
  }
}
