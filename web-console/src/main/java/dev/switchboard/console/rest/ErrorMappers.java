package dev.switchboard.console.rest;

import dev.switchboard.api.ConflictException;
import dev.switchboard.api.Problem;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.UnknownNameException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns failures into RFC 9457 {@link Problem} answers, never a stack trace. */
public final class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

  static final String FORBIDDEN =
      "forbidden: your account's roles do not allow this (viewer reads; operator submits, cancels,"
          + " drains; admin does everything)";

  private ErrorMappers() {}

  static Response answer(Response.Status status, String error, String field) {
    return answer(status.getStatusCode(), error, field).build();
  }

  /** A problem answer, for a resource to add headers to (e.g. {@code Retry-After}). */
  static Response.ResponseBuilder answer(int status, String error, String field) {
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem(status, error, field).toJson());
  }

  /**
   * The one mapping of the requests Switchboard refuses, whether the resource itself or an EJB
   * refused it: a problem document naming the field at fault, with the status of the kind of
   * refusal ({@link #statusOf}). A task a tier-1 pool found invalid is one of them: the API checks
   * the {@code TaskRules} first, the pools check them again, e.g. when the last server with an
   * application left in between.
   */
  @Provider
  public static class Refused implements ExceptionMapper<SwitchboardException> {
    @Override
    public Response toResponse(SwitchboardException e) {
      LOG.log(Level.FINE, "Refused request: {0}", e.getMessage());
      return answer(statusOf(e), e.getMessage(), e.field());
    }
  }

  /** 404 for an unknown name, 409 for a conflict with the current state, 400 for invalid input. */
  static Response.Status statusOf(SwitchboardException e) {
    if (e instanceof UnknownNameException) {
      return Response.Status.NOT_FOUND;
    }
    if (e instanceof ConflictException) {
      return Response.Status.CONFLICT;
    }
    return Response.Status.BAD_REQUEST;
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

  /** Keeps the status JAX-RS chose (404, 405, 415, ...) and gives it a problem document. */
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
      return answer(original.getStatus(), error, null).build();
    }
  }
}
