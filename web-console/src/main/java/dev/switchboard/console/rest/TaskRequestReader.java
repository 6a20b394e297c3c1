package dev.switchboard.console.rest;

import dev.switchboard.api.TaskRequest;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a task submission from JSON text, strictly: the body must be one JSON object whose fields
 * are the known ones, each of its type, and the result must pass the request's constraints. Every
 * rejection names the field at fault.
 */
public class TaskRequestReader {

  static final Set<String> FIELDS =
      Set.of(
          "application",
          "input",
          "user",
          "client",
          "slots",
          "minPower",
          "requirements",
          "rank",
          "attributes",
          "timeoutSeconds",
          "maxRetries");

  private final Validator validator;

  public TaskRequestReader(Validator validator) {
    this.validator = validator;
  }

  /**
   * @throws InvalidRequestException for malformed JSON, unknown or mistyped fields, or a violated
   *     constraint
   */
  public TaskRequest read(String body) {
    return read(JsonBodies.object(body), "");
  }

  /**
   * Reads one task of a JSON object; errors name the field after {@code prefix}, e.g. {@code
   * tasks[3].}.
   */
  public TaskRequest read(JsonObject json, String prefix) {
    try {
      return readTask(json);
    } catch (InvalidRequestException e) {
      if (prefix.isEmpty()) {
        throw e;
      }
      String field =
          e.field() == null ? prefix.substring(0, prefix.length() - 1) : prefix + e.field();
      throw new InvalidRequestException(where(prefix) + e.getMessage(), field);
    }
  }

  /** How a message names the task of a batch it is about: {@code "in tasks[3]: "}, or nothing. */
  static String where(String prefix) {
    return prefix.isEmpty() ? "" : "in " + prefix.substring(0, prefix.length() - 1) + ": ";
  }

  private TaskRequest readTask(JsonObject json) {
    JsonBodies.onlyFields(json, FIELDS, "a task");
    TaskRequest request =
        new TaskRequest(
            JsonBodies.text(json, "application"),
            JsonBodies.text(json, "input"),
            JsonBodies.text(json, "user"),
            JsonBodies.text(json, "client"),
            integer(json, "slots", 1),
            number(json, "minPower", 0),
            JsonBodies.text(json, "requirements"),
            JsonBodies.text(json, "rank"),
            attributes(json),
            integer(json, "timeoutSeconds", TaskRequest.DEFAULT_TIMEOUT),
            integer(json, "maxRetries", 0));
    validator.validate(request).stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .ifPresent(TaskRequestReader::reject);
    return request;
  }

  private static int integer(JsonObject json, String field, int absent) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return absent;
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        return number.intValueExact();
      } catch (ArithmeticException e) {
        throw new InvalidRequestException(field + " is out of range", field);
      }
    }
    throw new InvalidRequestException(field + " must be a whole number", field);
  }

  private static double number(JsonObject json, String field, double absent) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return absent;
    }
    if (value instanceof JsonNumber number && Double.isFinite(number.doubleValue())) {
      return number.doubleValue();
    }
    throw new InvalidRequestException(field + " must be a number", field);
  }

  private static Map<String, String> attributes(JsonObject json) {
    JsonValue value = json.get("attributes");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Map.of();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidRequestException("attributes must be a JSON object", "attributes");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    value
        .asJsonObject()
        .forEach(
            (k, v) -> {
              if (!(v instanceof JsonString s)) {
                throw new InvalidRequestException(
                    "task attribute " + k + " must be a string", "attributes");
              }
              attributes.put(k, s.getString());
            });
    return attributes;
  }

  private static void reject(ConstraintViolation<TaskRequest> violation) {
    String path = violation.getPropertyPath().toString();
    String field = path.startsWith("attributes") ? "attributes" : path;
    throw new InvalidRequestException(violation.getMessage(), field);
  }

  static List<String> fields() {
    return FIELDS.stream().sorted().toList();
  }
}
