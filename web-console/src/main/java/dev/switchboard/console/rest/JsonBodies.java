package dev.switchboard.console.rest;

import static dev.switchboard.api.JsonProviders.JSON;

import dev.switchboard.api.InvalidInputException;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;

/** Strict reading of JSON request bodies, shared by every resource that takes one. */
final class JsonBodies {

  private JsonBodies() {}

  /**
   * The body as one JSON object; 400 for an empty, malformed, too deeply nested or non-object body,
   * or one with anything after the object.
   */
  static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidInputException(null, "the request body is empty; expected a JSON object");
    }
    try (JsonParser parser = JSON.createParser(new StringReader(body))) {
      if (!parser.hasNext()) {
        throw new InvalidInputException(null, "expected a JSON object");
      }
      parser.next();
      JsonValue value = parser.getValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidInputException(
            null,
            "expected a JSON object, got " + value.getValueType().name().toLowerCase(Locale.ROOT));
      }
      if (parser.hasNext()) {
        throw new InvalidInputException(null, "unexpected content after the JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw new InvalidInputException(null, "malformed JSON: " + e.getMessage());
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      // Parsson reports nesting beyond its limit (1,000) as a plain RuntimeException
      throw new InvalidInputException(null, "unreadable JSON: " + e.getMessage());
    }
  }

  /** The body as a JSON object holding no fields but the {@code known} ones of {@code what}. */
  static JsonObject object(String body, Set<String> known, String what) {
    JsonObject json = object(body);
    onlyFields(json, known, what);
    return json;
  }

  /** Rejects the first field not in the known set. */
  static void onlyFields(JsonObject json, Set<String> known, String what) {
    for (String name : json.keySet()) {
      if (!known.contains(name)) {
        throw new InvalidInputException(
            name,
            "unknown field '"
                + name
                + "'; "
                + what
                + " has "
                + String.join(", ", known.stream().sorted().toList()));
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
    throw new InvalidInputException(
        field,
        field + " must be a string, got " + value.getValueType().name().toLowerCase(Locale.ROOT));
  }

  /**
   * A whole-number field that fits an int exactly, or {@code absent} when absent or null; 400
   * naming the field for another type, a fraction or a number out of range, never a wrapped or cut
   * value.
   */
  static int whole(JsonObject json, String field, int absent) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return absent;
    }
    return whole(value, field);
  }

  /** A JSON value that must be a whole number fitting an int; 400 naming the field otherwise. */
  static int whole(JsonValue value, String field) {
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw new InvalidInputException(field, field + " must be a whole number");
    }
    try {
      return number.intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidInputException(
          field,
          field
              + " is out of range: a whole number from "
              + Integer.MIN_VALUE
              + " to "
              + Integer.MAX_VALUE
              + " is wanted");
    }
  }
}
