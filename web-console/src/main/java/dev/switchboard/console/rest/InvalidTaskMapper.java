package dev.switchboard.console.rest;

import dev.switchboard.api.InvalidTaskException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * 400 {@code {"error","field"}} for a task a tier-1 pool found invalid. The API checks the {@link
 * dev.switchboard.api.TaskRules} itself first; the pools check them again, so this answers, e.g.,
 * when the last server with an application left between the two checks.
 */
@Provider
public class InvalidTaskMapper implements ExceptionMapper<InvalidTaskException> {

  private static final Logger LOG = Logger.getLogger(InvalidTaskMapper.class.getName());

  @Override
  public Response toResponse(InvalidTaskException e) {
    LOG.log(Level.FINE, "Rejected task: {0}", e.getMessage());
    return ErrorMappers.answer(Response.Status.BAD_REQUEST, e.getMessage(), e.field());
  }
}
