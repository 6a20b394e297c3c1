package dev.switchboard.console.rest;

import dev.switchboard.api.TaskRequest;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reads a task submission from JSON text, strictly: the body must be one JSON object whose fields
 * are the known ones, each a string, and the result must pass the request's constraints. Every
 * rejection names the field at fault.
 */
public class TaskRequestReader {

  static final Set<String> FIELDS = Set.of("application", "input", "user", "client");

  private final Validator validator;

  public TaskRequestReader(Validator validator) {
    this.validator = validator;
  }

  /**
   * @throws InvalidRequestException for malformed JSON, unknown or mistyped fields, or a violated
   *     constraint
   */
  public TaskRequest read(String body) {
    JsonObject json = parse(body);
    for (String name : json.keySet()) {
      if (!FIELDS.contains(name)) {
        throw new InvalidRequestException(
            "unknown field '" + name + "'; a task has " + String.join(", ", sorted()), name);
      }
    }
    TaskRequest request =
        new TaskRequest(
            text(json, "application"),
            text(json, "input"),
            text(json, "user"),
            text(json, "client"));
    validator.validate(request).stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .ifPresent(TaskRequestReader::reject);
    return request;
  }

  private static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequestException("the request body is empty; expected a JSON object", null);
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidRequestException(
            "expected a JSON object, got " + value.getValueType().name().toLowerCase(), null);
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw new InvalidRequestException("malformed JSON: " + e.getMessage(), null);
    }
  }

  private static String text(JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw new InvalidRequestException(
        field + " must be a string, got " + value.getValueType().name().toLowerCase(), field);
  }

  private static void reject(ConstraintViolation<TaskRequest> violation) {
    throw new InvalidRequestException(
        violation.getMessage(), violation.getPropertyPath().toString());
  }

  private static List<String> sorted() {
    return FIELDS.stream().sorted().toList();
  }
}
