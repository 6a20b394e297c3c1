package dev.switchboard.api;

import static dev.switchboard.api.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed custom attributes: a value is a string, a number, a boolean or a list of strings and
 * numbers. Stored as JSON literals, handed to expressions as Java values (String, Double, Boolean,
 * List). Every number is a double, as in JSON, so that expressions mix them freely with the
 * server's figures ({@code server.attributes.cores * server.power}); write decimal literals in
 * arithmetic ({@code * 2.0}). Every check names the attribute and says what is wrong.
 */
public final class Attributes {

  public static final int MAX_ENTRIES = 32;
  public static final int MAX_TEXT = 512;
  public static final int MAX_LIST = 32;

  private Attributes() {}

  /**
   * Checks names and values of attributes as a client sent them.
   *
   * @return the same attributes as typed Java values
   * @throws IllegalArgumentException naming the first attribute at fault
   */
  public static Map<String, Object> check(Map<String, ?> attributes) {
    if (attributes == null) {
      return Map.of();
    }
    if (attributes.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "at most " + MAX_ENTRIES + " attributes, got " + attributes.size());
    }
    Map<String, Object> typed = new LinkedHashMap<>();
    attributes.forEach((key, value) -> typed.put(checkKey(key), checkValue(key, value)));
    return typed;
  }

  private static String checkKey(String key) {
    if (key == null || !Ids.KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("attribute name '" + key + "' " + Ids.KEY_MESSAGE);
    }
    return key;
  }

  private static Object checkValue(String key, Object value) {
    if (value instanceof JsonValue json) {
      return checkValue(key, toJava(json));
    }
    if (value instanceof String text) {
      if (text.length() > MAX_TEXT) {
        throw new IllegalArgumentException(
            "attribute " + key + " is longer than " + MAX_TEXT + " characters");
      }
      return text;
    }
    if (value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("attribute " + key + " must be a finite number");
      }
      return d;
    }
    if (value instanceof List<?> list) {
      if (list.size() > MAX_LIST) {
        throw new IllegalArgumentException(
            "attribute " + key + " has more than " + MAX_LIST + " elements");
      }
      List<Object> items = new ArrayList<>();
      for (Object item : list) {
        Object checked = checkValue(key, item);
        if (checked instanceof List) {
          throw new IllegalArgumentException("attribute " + key + " cannot nest lists");
        }
        items.add(checked);
      }
      return List.copyOf(items);
    }
    throw new IllegalArgumentException(
        "attribute "
            + key
            + " must be a string, number, boolean or list, got "
            + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  private static Object toJava(JsonValue json) {
    return switch (json.getValueType()) {
      case STRING -> ((JsonString) json).getString();
      case NUMBER -> {
        yield ((JsonNumber) json).doubleValue();
      }
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case ARRAY -> json.asJsonArray().stream().map(Attributes::toJava).toList();
      default ->
          throw new IllegalArgumentException(
              "attribute values must be a string, number, boolean or list, got "
                  + json.getValueType().name().toLowerCase(Locale.ROOT));
    };
  }

  /** The JSON literal a checked value is stored as. */
  public static String encode(Object value) {
    if (value instanceof String text) {
      return JSON.createValue(text).toString();
    }
    if (value instanceof List<?> list) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      list.forEach(
          item -> array.add(JSON.createReader(new StringReader(encode(item))).readValue()));
      return array.build().toString();
    }
    return String.valueOf(value);
  }

  /** The Java value of a stored JSON literal; text that is not JSON is taken as a string. */
  public static Object decode(String literal) {
    try (JsonReader reader = JSON.createReader(new StringReader(literal))) {
      return toJava(reader.readValue());
    } catch (RuntimeException e) {
      return literal;
    }
  }

  /** Encodes every value of checked attributes. */
  public static Map<String, String> encodeAll(Map<String, Object> typed) {
    Map<String, String> encoded = new LinkedHashMap<>();
    typed.forEach((k, v) -> encoded.put(k, encode(v)));
    return encoded;
  }

  /** Decodes every stored value. */
  public static Map<String, Object> decodeAll(Map<String, String> stored) {
    Map<String, Object> decoded = new LinkedHashMap<>();
    stored.forEach((k, v) -> decoded.put(k, decode(v)));
    return decoded;
  }
}
