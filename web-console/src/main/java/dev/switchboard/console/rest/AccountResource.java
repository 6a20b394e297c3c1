package dev.switchboard.console.rest;

import dev.switchboard.api.AccountView;
import dev.switchboard.api.Accounts;
import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.Roles;
import dev.switchboard.api.UnknownNameException;
import dev.switchboard.console.security.VerifiedCredentials;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts, for admins: {@code GET/POST /api/accounts}, {@code PUT/DELETE /api/accounts/{name}};
 * and {@code GET /api/me}, for anyone signed in, telling who they are and which roles they hold.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

  static final Set<String> FIELDS = Set.of("name", "password", "roles");

  @EJB Accounts accounts;

  @Inject VerifiedCredentials verified;

  @GET
  @Path("me")
  @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
  public Map<String, Object> me(@Context SecurityContext security) {
    List<String> roles = Roles.ALL.stream().filter(security::isUserInRole).sorted().toList();
    return Map.of("name", security.getUserPrincipal().getName(), "roles", roles);
  }

  @GET
  @Path("accounts")
  @RolesAllowed(Roles.ADMIN)
  public List<AccountView> list() {
    return accounts.accounts();
  }

  /** Creates an account: {@code {"name":"olga","password":"…","roles":["operator"]}}. */
  @POST
  @Path("accounts")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body, @Context UriInfo uri) {
    JsonObject json = JsonBodies.object(body, FIELDS, "an account");
    String name = required(json, "name");
    char[] password = required(json, "password").toCharArray();
    Set<String> roles = new LinkedHashSet<>(ProfileResource.strings(json, "roles"));
    AccountView created = accounts.create(name, password, roles);
    return Response.created(uri.getAbsolutePathBuilder().path(name).build())
        .entity(created)
        .build();
  }

  /** New password and/or roles: {@code {"password":"…"}}, {@code {"roles":["viewer"]}}. */
  @PUT
  @Path("accounts/{name}")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public AccountView update(@PathParam("name") String name, String body) {
    JsonObject json = JsonBodies.object(body, Set.of("password", "roles"), "an account change");
    String password = JsonBodies.text(json, "password");
    Set<String> roles =
        json.containsKey("roles")
            ? new LinkedHashSet<>(ProfileResource.strings(json, "roles"))
            : null;
    if (password == null && roles == null) {
      throw new InvalidInputException(null, "give a new password, new roles or both");
    }
    AccountView updated =
        accounts.update(name, password == null ? null : password.toCharArray(), roles);
    verified.forgetAll();
    return updated;
  }

  @DELETE
  @Path("accounts/{name}")
  @RolesAllowed(Roles.ADMIN)
  public Response delete(@PathParam("name") String name) {
    if (!accounts.delete(name)) {
      throw new UnknownNameException("name", "no account named '" + name + "'");
    }
    verified.forgetAll();
    return Response.noContent().build();
  }

  private static String required(JsonObject json, String field) {
    String value = JsonBodies.text(json, field);
    if (value == null) {
      throw new InvalidInputException(field, field + " is required");
    }
    return value;
  }
}
