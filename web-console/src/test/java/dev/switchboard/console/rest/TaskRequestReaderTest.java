package dev.switchboard.console.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.InvalidTaskException;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.api.TaskRules;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON reading of a task, then the rules as the API applies them (prefix, field, message). */
class TaskRequestReaderTest {

  static final TaskRequestReader reader = new TaskRequestReader();

  static final TaskRules RULES =
      new TaskRules(Set.of("sha256", "s"), (field, text) -> Optional.empty());

  /** Read and checked as POST /api/tasks does it. */
  static InvalidInputException rejected(String body) {
    return assertThrows(InvalidInputException.class, () -> readAndCheck(body, ""));
  }

  static void readAndCheck(String body, String prefix) {
    TaskRequest request = reader.read(body);
    try {
      RULES.check(request);
    } catch (InvalidTaskException e) {
      throw TaskChecks.refused(e, prefix);
    }
  }

  @Test
  void aCompleteRequestIsRead() {
    TaskRequest request =
        reader.read(
            "{\"application\":\"sha256\",\"input\":\"hello\",\"user\":\"alice\",\"client\":\"cli-1\"}");
    assertEquals(new TaskRequest("sha256", "hello", "alice", "cli-1"), request);
  }

  @Test
  void eachMissingFieldIsNamed() {
    assertEquals(
        "application", rejected("{\"input\":\"x\",\"user\":\"a\",\"client\":\"c\"}").field());
    assertEquals(
        "input", rejected("{\"application\":\"s\",\"user\":\"a\",\"client\":\"c\"}").field());
    assertEquals(
        "user", rejected("{\"application\":\"s\",\"input\":\"x\",\"client\":\"c\"}").field());
    InvalidInputException e = rejected("{\"application\":\"s\",\"input\":\"x\",\"user\":\"a\"}");
    assertEquals("client", e.field());
    assertEquals("client is required", e.getMessage());
  }

  @Test
  void malformedJsonIsRejectedWithoutAField() {
    InvalidInputException e = rejected("{\"application\":");
    assertNull(e.field());
    assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
    assertTrue(rejected("").getMessage().contains("empty"));
    assertTrue(rejected("[1,2]").getMessage().contains("JSON object"));
  }

  @Test
  void wrongTypesAndUnknownFieldsAreNamed() {
    InvalidInputException e =
        rejected("{\"application\":\"s\",\"input\":42,\"user\":\"a\",\"client\":\"c\"}");
    assertEquals("input", e.field());
    assertEquals("input must be a string, got number", e.getMessage());
    assertEquals(
        "priority",
        rejected(
                "{\"application\":\"s\",\"input\":\"x\",\"user\":\"a\",\"client\":\"c\",\"priority\":1}")
            .field());
  }

  @Test
  void constraintsOnValuesApply() {
    assertEquals(
        "user",
        rejected("{\"application\":\"s\",\"input\":\"x\",\"user\":\"a b\",\"client\":\"c\"}")
            .field());
    assertEquals(
        "application",
        rejected("{\"application\":\" \",\"input\":\"x\",\"user\":\"a\",\"client\":\"c\"}")
            .field());
    String huge = "x".repeat(65_537);
    assertEquals(
        "input",
        rejected(
                "{\"application\":\"s\",\"input\":\""
                    + huge
                    + "\",\"user\":\"a\",\"client\":\"c\"}")
            .field());
  }

  @Test
  void numbersMustFitTheirFieldExactly() {
    String base = "{\"application\":\"s\",\"input\":\"x\",\"user\":\"a\",\"client\":\"c\",";
    InvalidInputException wrapped = rejected(base + "\"slots\":4294967297}");
    assertEquals("slots", wrapped.field());
    assertTrue(wrapped.getMessage().startsWith("slots is out of range"), wrapped.getMessage());
    assertEquals("timeoutSeconds", rejected(base + "\"timeoutSeconds\":2.5}").field());
    assertEquals("maxRetries", rejected(base + "\"maxRetries\":1e400}").field());
    assertEquals("minPower", rejected(base + "\"minPower\":1e400}").field());
  }

  @Test
  void aBatchErrorNamesTheTask() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> {
              TaskRequest request =
                  reader.read(
                      JsonBodies.object("{\"application\":\"s\",\"input\":\"x\",\"client\":\"c\"}"),
                      "tasks[1].");
              try {
                RULES.check(request);
              } catch (InvalidTaskException invalid) {
                throw TaskChecks.refused(invalid, "tasks[1].");
              }
            });
    assertEquals("tasks[1].user", e.field());
    assertEquals("in tasks[1]: user is required", e.getMessage());
  }
}
