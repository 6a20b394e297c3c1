package dev.switchboard.console.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A request with a body must say it is JSON: 415 otherwise, before any resource reads it (JAX-RS
 * would hand a body without a Content-Type to a resource that takes a String).
 */
@Provider
public class ContentTypeCheck implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.hasEntity()) {
      return;
    }
    MediaType type = request.getMediaType();
    if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      request.abortWith(
          ErrorMappers.answer(
              Response.Status.UNSUPPORTED_MEDIA_TYPE,
              "send the body as Content-Type: application/json, not " + type,
              null));
    }
  }
}
