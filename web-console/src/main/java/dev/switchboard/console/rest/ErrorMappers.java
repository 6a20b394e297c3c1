package dev.switchboard.console.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns failures into JSON {@link ApiError} answers, never a stack trace. */
public final class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

  static final String FORBIDDEN =
      "forbidden: your account's roles do not allow this (viewer reads; operator submits, cancels,"
          + " drains; admin does everything)";

  private ErrorMappers() {}

  static Response answer(Response.Status status, String error, String field) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(error, field))
        .build();
  }

  /** 400 for a request the API rejects. */
  @Provider
  public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException e) {
      LOG.log(Level.FINE, "Rejected request: {0}", e.getMessage());
      return answer(Response.Status.BAD_REQUEST, e.getMessage(), e.field());
    }
  }

  /**
   * 500 for anything unexpected, checked exceptions and errors included: logged once with an id the
   * answer names; the answer carries neither the stack trace nor the exception's text.
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return internalError(e);
    }
  }

  static Response internalError(Throwable e) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    LOG.log(Level.SEVERE, "Unexpected failure " + id, e);
    return answer(
        Response.Status.INTERNAL_SERVER_ERROR,
        "internal error " + id + "; the server log has the details",
        null);
  }

  /** Keeps the status JAX-RS chose (404, 405, 415, ...) and gives it a JSON body. */
  @Provider
  public static class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response original = e.getResponse();
      if (original.hasEntity()) {
        return original;
      }
      if (original.getStatus() == 500) {
        return internalError(e);
      }
      String error =
          original.getStatus() == Response.Status.FORBIDDEN.getStatusCode()
              ? FORBIDDEN
              : e.getMessage();
      return Response.status(original.getStatus())
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(new ApiError(error, null))
          .build();
    }
  }
}
