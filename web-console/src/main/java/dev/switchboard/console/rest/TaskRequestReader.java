package dev.switchboard.console.rest;

import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.TaskRequest;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a task submission from JSON text, strictly: the body must be one JSON object whose fields
 * are the known ones, each of its JSON type, and numbers that fit the field exactly. Every
 * rejection names the field at fault. Whether the values make a valid task is for {@link
 * TaskChecks}, which applies the {@link dev.switchboard.api.TaskRules}.
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

  /**
   * @throws InvalidInputException for malformed JSON, unknown or mistyped fields, or a number that
   *     does not fit its field
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
    } catch (InvalidInputException e) {
      if (prefix.isEmpty()) {
        throw e;
      }
      String field =
          e.field() == null ? prefix.substring(0, prefix.length() - 1) : prefix + e.field();
      throw new InvalidInputException(field, where(prefix) + e.getMessage());
    }
  }

  /** How a message names the task of a batch it is about: {@code "in tasks[3]: "}, or nothing. */
  static String where(String prefix) {
    return prefix.isEmpty() ? "" : "in " + prefix.substring(0, prefix.length() - 1) + ": ";
  }

  private TaskRequest readTask(JsonObject json) {
    JsonBodies.onlyFields(json, FIELDS, "a task");
    return new TaskRequest(
        JsonBodies.text(json, "application"),
        JsonBodies.text(json, "input"),
        JsonBodies.text(json, "user"),
        JsonBodies.text(json, "client"),
        JsonBodies.whole(json, "slots", 1),
        number(json, "minPower", 0),
        JsonBodies.text(json, "requirements"),
        JsonBodies.text(json, "rank"),
        attributes(json),
        JsonBodies.whole(json, "timeoutSeconds", TaskRequest.DEFAULT_TIMEOUT),
        JsonBodies.whole(json, "maxRetries", 0));
  }

  private static double number(JsonObject json, String field, double absent) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return absent;
    }
    if (value instanceof JsonNumber number && Double.isFinite(number.doubleValue())) {
      return number.doubleValue();
    }
    throw new InvalidInputException(field, field + " must be a finite number");
  }

  private static Map<String, String> attributes(JsonObject json) {
    JsonValue value = json.get("attributes");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Map.of();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidInputException("attributes", "attributes must be a JSON object");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    value
        .asJsonObject()
        .forEach(
            (k, v) -> {
              if (!(v instanceof JsonString s)) {
                throw new InvalidInputException(
                    "attributes", "task attribute " + k + " must be a string");
              }
              attributes.put(k, s.getString());
            });
    return attributes;
  }

  static List<String> fields() {
    return FIELDS.stream().sorted().toList();
  }
}
