package dev.switchboard.console.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.api.ConflictException;
import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.InvalidTaskException;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.UnknownNameException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Each kind of refusal gets its status and the {@code {"error","field"}} body, text unchanged. */
class ErrorMappersTest {

  static final ErrorMappers.Refused REFUSED = new ErrorMappers.Refused();

  static void answers(int status, SwitchboardException e, String error, String field) {
    Response answer = REFUSED.toResponse(e);
    assertEquals(status, answer.getStatus(), e.toString());
    assertEquals(MediaType.APPLICATION_JSON_TYPE, answer.getMediaType());
    assertEquals(new ApiError(error, field), answer.getEntity());
  }

  @Test
  void invalidInputIs400NamingTheField() {
    answers(
        400,
        new InvalidInputException("limit", "limit must be between 1 and 1000"),
        "limit must be between 1 and 1000",
        "limit");
    answers(
        400,
        new InvalidInputException(null, "the request body is empty; expected a JSON object"),
        "the request body is empty; expected a JSON object",
        null);
  }

  @Test
  void aTaskAPoolFoundInvalidIs400AsBefore() {
    answers(
        400,
        new InvalidTaskException("user", "user is required").inBatchAt(1),
        "in tasks[1]: user is required",
        "tasks[1].user");
  }

  @Test
  void anUnknownNameIs404() {
    answers(
        404,
        new UnknownNameException("id", "no task with id '987654321'"),
        "no task with id '987654321'",
        "id");
    answers(
        404,
        new UnknownNameException("name", "no distributor named 'nope'"),
        "no distributor named 'nope'",
        "name");
  }

  @Test
  void aConflictWithTheStateIs409() {
    answers(
        409,
        new ConflictException("id", "task 7 has already ended: COMPLETED"),
        "task 7 has already ended: COMPLETED",
        "id");
  }
}
