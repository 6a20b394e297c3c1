package dev.switchboard.console.rest;

import dev.switchboard.api.DistributorAdmin;
import dev.switchboard.api.DistributorView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Distributors of both tiers: {@code GET /api/distributors}, and {@code POST
 * /api/distributors/{name}/enable|drain|disable} to change one at run time.
 */
@Path("distributors")
@Produces(MediaType.APPLICATION_JSON)
public class DistributorResource {

  static final Map<String, String> ACTIONS =
      Map.of("enable", "UP", "drain", "DRAINING", "disable", "DISABLED");

  @EJB DistributorAdmin admin;

  @GET
  public List<DistributorView> distributors() {
    return admin.distributors();
  }

  @POST
  @Path("{name}/{action}")
  public DistributorView change(
      @PathParam("name") String name, @PathParam("action") String action) {
    String state = ACTIONS.get(action);
    if (state == null) {
      throw new InvalidRequestException(
          "unknown action '" + action + "'; use enable, drain or disable", "action");
    }
    return ProfileResource.valid(() -> admin.changeState(name, state));
  }
}
