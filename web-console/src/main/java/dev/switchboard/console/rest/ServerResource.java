package dev.switchboard.console.rest;

import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.Roles;
import dev.switchboard.api.ServerRefresh;
import dev.switchboard.api.ServerRegistration;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerView;
import dev.switchboard.api.UnknownNameException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fulfillment servers: {@code GET /api/servers} lists them with their attributes; {@code POST
 * /api/servers} registers one or updates its attributes (an operator's registration; servers also
 * register themselves); {@code POST /api/servers/{name}/drain|disable|enable}.
 */
@Path("servers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
public class ServerResource {

  static final Set<String> FIELDS =
      Set.of(
          "name",
          "tier2",
          "slots",
          "applications",
          "computingPower",
          "idlePower",
          "zone",
          "attributes");

  static final Map<String, String> ACTIONS =
      Map.of("enable", "UP", "drain", "DRAINING", "disable", "DISABLED");

  @EJB ServerRegistry registry;

  @EJB ServerRefresh refresh;

  @GET
  public List<ServerView> servers() {
    return registry.servers();
  }

  /**
   * Registers a server, e.g. {@code {"name":"gpu-1","tier2":"tier2-a","slots":4,
   * "applications":["sha256"],"computingPower":300,"idlePower":250,"zone":"zone-a",
   * "attributes":{"gpu":"a100","cores":64}}}.
   */
  @RolesAllowed(Roles.ADMIN)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public ServerView register(String body) {
    JsonObject json = JsonBodies.object(body, FIELDS, "a server");
    String name = required(JsonBodies.text(json, "name"), "name");
    ServerRegistration registration;
    try {
      registration =
          new ServerRegistration(
              name,
              required(JsonBodies.text(json, "tier2"), "tier2"),
              JsonBodies.whole(json, "slots", 1),
              applications(json),
              number(json, "computingPower", 0),
              number(json, "idlePower", 0),
              JsonBodies.text(json, "zone"),
              ProfileResource.attributes(json),
              null);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(null, e.getMessage());
    }
    return registry.register(registration);
  }

  @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
  @POST
  @Path("{name}/{action}")
  public Response change(@PathParam("name") String name, @PathParam("action") String action) {
    if (action.equals("refresh")) {
      if (!refresh.refresh(name)) {
        throw new UnknownNameException(
            "name", "'" + name + "' is not a fulfillment server of this node");
      }
      return Response.accepted().build();
    }
    String state = ACTIONS.get(action);
    if (state == null) {
      throw new InvalidInputException(
          "action", "unknown action '" + action + "'; use enable, drain, disable or refresh");
    }
    return Response.ok(registry.changeState(name, state)).build();
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, field + " is required");
    }
    return value;
  }

  private static double number(JsonObject json, String field, double absent) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return absent;
    }
    if (value instanceof JsonNumber n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    throw new InvalidInputException(field, field + " must be a number");
  }

  private static Set<String> applications(JsonObject json) {
    JsonValue value = json.get("applications");
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidInputException(
          "applications", "applications must be a non-empty list of names");
    }
    Set<String> names = new TreeSet<>();
    for (JsonValue item : value.asJsonArray()) {
      if (!(item instanceof JsonString s) || s.getString().isBlank()) {
        throw new InvalidInputException("applications", "applications must hold names");
      }
      names.add(s.getString());
    }
    return names;
  }
}
