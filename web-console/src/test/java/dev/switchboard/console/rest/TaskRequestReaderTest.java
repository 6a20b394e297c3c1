package dev.switchboard.console.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.TaskRequest;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaskRequestReaderTest {

  static ValidatorFactory factory;
  static TaskRequestReader reader;

  @BeforeAll
  static void setUp() {
    factory = Validation.buildDefaultValidatorFactory();
    reader = new TaskRequestReader(factory.getValidator());
  }

  @AfterAll
  static void tearDown() {
    factory.close();
  }

  static InvalidRequestException rejected(String body) {
    return assertThrows(InvalidRequestException.class, () -> reader.read(body));
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
    InvalidRequestException e = rejected("{\"application\":\"s\",\"input\":\"x\",\"user\":\"a\"}");
    assertEquals("client", e.field());
    assertEquals("client is required", e.getMessage());
  }

  @Test
  void malformedJsonIsRejectedWithoutAField() {
    InvalidRequestException e = rejected("{\"application\":");
    assertNull(e.field());
    assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
    assertTrue(rejected("").getMessage().contains("empty"));
    assertTrue(rejected("[1,2]").getMessage().contains("JSON object"));
  }

  @Test
  void wrongTypesAndUnknownFieldsAreNamed() {
    InvalidRequestException e =
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
}
