package dev.switchboard.console.rest;

import dev.switchboard.api.ClientProfileView;
import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.Profiles;
import dev.switchboard.api.Roles;
import dev.switchboard.api.UnknownNameException;
import dev.switchboard.api.UserProfileView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stored user and client profiles: {@code GET /api/users}, {@code GET|PUT|DELETE /api/users/{id}},
 * and the same under {@code /api/clients}. A PUT replaces the whole profile.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
public class ProfileResource {

  static final Set<String> USER_FIELDS =
      Set.of("priority", "maxConcurrent", "preferredZones", "weights", "attributes");
  static final Set<String> CLIENT_FIELDS = Set.of("zone", "trustClass", "attributes");

  @EJB Profiles profiles;

  @GET
  @Path("users")
  public List<UserProfileView> users() {
    return profiles.users();
  }

  @GET
  @Path("users/{id}")
  public UserProfileView user(@PathParam("id") String id) {
    return profiles.user(id).orElseThrow(() -> notFound("user", id));
  }

  /**
   * Creates or replaces a user's profile, e.g. {@code {"priority":5,"maxConcurrent":10,
   * "preferredZones":["zone-b"],"weights":{"zone":200},"attributes":{"team":"ml"}}}.
   */
  @RolesAllowed(Roles.ADMIN)
  @PUT
  @Path("users/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserProfileView putUser(@PathParam("id") String id, String body) {
    JsonObject json = JsonBodies.object(body, USER_FIELDS, "a user profile");
    UserProfileView profile =
        new UserProfileView(
            id,
            JsonBodies.whole(json, "priority", 0),
            JsonBodies.whole(json, "maxConcurrent", 0),
            strings(json, "preferredZones"),
            weights(json),
            attributes(json));
    return profiles.putUser(profile);
  }

  @RolesAllowed(Roles.ADMIN)
  @DELETE
  @Path("users/{id}")
  public Response deleteUser(@PathParam("id") String id) {
    if (!profiles.deleteUser(id)) {
      throw notFound("user", id);
    }
    return Response.noContent().build();
  }

  @GET
  @Path("clients")
  public List<ClientProfileView> clients() {
    return profiles.clients();
  }

  @GET
  @Path("clients/{id}")
  public ClientProfileView client(@PathParam("id") String id) {
    return profiles.client(id).orElseThrow(() -> notFound("client", id));
  }

  /**
   * Creates or replaces a client's profile, e.g. {@code {"zone":"zone-a","trustClass":"internal"}}.
   */
  @RolesAllowed(Roles.ADMIN)
  @PUT
  @Path("clients/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ClientProfileView putClient(@PathParam("id") String id, String body) {
    JsonObject json = JsonBodies.object(body, CLIENT_FIELDS, "a client profile");
    ClientProfileView profile =
        new ClientProfileView(
            id,
            JsonBodies.text(json, "zone"),
            JsonBodies.text(json, "trustClass"),
            attributes(json));
    return profiles.putClient(profile);
  }

  @RolesAllowed(Roles.ADMIN)
  @DELETE
  @Path("clients/{id}")
  public Response deleteClient(@PathParam("id") String id) {
    if (!profiles.deleteClient(id)) {
      throw notFound("client", id);
    }
    return Response.noContent().build();
  }

  static UnknownNameException notFound(String what, String id) {
    return new UnknownNameException("id", "no " + what + " profile '" + id + "'");
  }

  static List<String> strings(JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidInputException(field, field + " must be a list of strings");
    }
    List<String> items = new ArrayList<>();
    for (JsonValue item : value.asJsonArray()) {
      if (!(item instanceof JsonString s)) {
        throw new InvalidInputException(field, field + " must be a list of strings");
      }
      items.add(s.getString());
    }
    return items;
  }

  private static Map<String, Double> weights(JsonObject json) {
    JsonValue value = json.get("weights");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Map.of();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidInputException("weights", "weights must be an object of numbers");
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    value
        .asJsonObject()
        .forEach(
            (term, w) -> {
              if (!(w instanceof JsonNumber n) || !Double.isFinite(n.doubleValue())) {
                throw new InvalidInputException(
                    "weights", "weight " + term + " must be a finite number");
              }
              weights.put(term, n.doubleValue());
            });
    return weights;
  }

  /** Attributes as typed JSON values; the store checks names and values. */
  static Map<String, Object> attributes(JsonObject json) {
    JsonValue value = json.get("attributes");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Map.of();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidInputException("attributes", "attributes must be a JSON object");
    }
    return new LinkedHashMap<>(value.asJsonObject());
  }
}
