package dev.switchboard.console.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;

/**
 * A request that changes something (POST, PUT, PATCH, DELETE) must show it was not sent by a form
 * or a link on another site: either its Content-Type is JSON, or it carries the header {@value
 * #HEADER}. A browser sends neither cross-site without asking the server first (CORS preflight,
 * which this API never grants), yet it does attach Basic credentials it remembers, so without this
 * check a page elsewhere could drain a server or cancel a task with a signed-in operator's browser.
 * Refused with 403 before any resource runs.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
public class CrossSiteCheck implements ContainerRequestFilter {

  /** The header that marks a request as sent by a program; any non-blank value will do. */
  public static final String HEADER = "X-Requested-By";

  static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  static final String REFUSED =
      "a request that changes something needs the header "
          + HEADER
          + ": switchboard (any value) or a JSON body with Content-Type: application/json;"
          + " this keeps forms on other sites from acting with your credentials";

  @Override
  public void filter(ContainerRequestContext request) {
    if (refused(request.getMethod(), request.getMediaType(), request.getHeaderString(HEADER))) {
      request.abortWith(ErrorMappers.answer(Response.Status.FORBIDDEN, REFUSED, null));
    }
  }

  /** True if a request of this method, with this Content-Type and header, must be refused. */
  static boolean refused(String method, MediaType type, String requestedBy) {
    if (method == null || !CHANGING.contains(method.toUpperCase(Locale.ROOT))) {
      return false;
    }
    if (requestedBy != null && !requestedBy.isBlank()) {
      return false;
    }
    return type == null
        || type.isWildcardType()
        || type.isWildcardSubtype()
        || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
  }
}
