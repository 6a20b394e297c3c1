package dev.switchboard.console.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.ConflictException;
import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.InvalidTaskException;
import dev.switchboard.api.Problem;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.UnknownNameException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * Each kind of refusal gets its status and an RFC 9457 problem document (type, title, status,
 * detail, and Switchboard's field and error), text unchanged.
 */
class ErrorMappersTest {

  static final ErrorMappers.Refused REFUSED = new ErrorMappers.Refused();

  static void answers(int status, SwitchboardException e, String error, String field) {
    Response answer = REFUSED.toResponse(e);
    assertEquals(status, answer.getStatus(), e.toString());
    assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
    JsonObject body = Json.createReader(new StringReader((String) answer.getEntity())).readObject();
    assertEquals("about:blank", body.getString("type"));
    assertEquals(Response.Status.fromStatusCode(status).getReasonPhrase(), body.getString("title"));
    assertEquals(status, body.getInt("status"));
    assertEquals(error, body.getString("detail"));
    assertEquals(error, body.getString("error"), "the name clients before RFC 9457 read");
    if (field == null) {
      assertTrue(body.isNull("field"), "field is written as null: " + body);
    } else {
      assertEquals(field, body.getString("field"));
    }
  }

  @Test
  void unexpectedFailuresAre500WithoutTheirText() {
    Response answer = new ErrorMappers.Unexpected().toResponse(new IllegalStateException("secret"));
    assertEquals(500, answer.getStatus());
    String body = (String) answer.getEntity();
    assertTrue(body.contains("\"status\":500"), body);
    assertFalse(body.contains("secret"), body);
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
