package dev.switchboard.console.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;

/** Strict reading of JSON request bodies, shared by every resource that takes one. */
final class JsonBodies {

  private JsonBodies() {}

  /** The body as one JSON object; 400 for an empty, malformed or non-object body. */
  static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequestException("the request body is empty; expected a JSON object", null);
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidRequestException(
            "expected a JSON object, got " + value.getValueType().name().toLowerCase(Locale.ROOT),
            null);
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw new InvalidRequestException("malformed JSON: " + e.getMessage(), null);
    }
  }

  /** Rejects the first field not in the known set. */
  static void onlyFields(JsonObject json, Set<String> known, String what) {
    for (String name : json.keySet()) {
      if (!known.contains(name)) {
        throw new InvalidRequestException(
            "unknown field '"
                + name
                + "'; "
                + what
                + " has "
                + String.join(", ", known.stream().sorted().toList()),
            name);
      }
    }
  }

  /** A string field, or null when absent or null; 400 for another type. */
  static String text(JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw new InvalidRequestException(
        field + " must be a string, got " + value.getValueType().name().toLowerCase(Locale.ROOT),
        field);
  }
}
