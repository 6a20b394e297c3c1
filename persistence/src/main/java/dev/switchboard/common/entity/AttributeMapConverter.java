package dev.switchboard.common.entity;

import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a map of custom attributes in one text column as a JSON object of strings, in the map's
 * order and JSON-P's compact form: {@code {"gpu":"a100","cores":"8"}}. An empty map is stored as
 * NULL and NULL reads back as an empty map. This is the form the column has always held, so rows
 * written before this converter read back unchanged; a value that is not a JSON string (only a hand
 * edit can write one) reads back as its JSON text.
 *
 * <p>Applied by {@code @Convert} where a map lives in one column; maps kept as rows of their own
 * table (a server's, a profile's attributes) are element collections and do not use it.
 */
@Converter
public class AttributeMapConverter implements AttributeConverter<Map<String, String>, String> {

  // Json's static factories look the provider up again on every call, which shows under load.
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  public String convertToDatabaseColumn(Map<String, String> attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return null;
    }
    JsonObjectBuilder json = JSON.createObjectBuilder();
    attributes.forEach(json::add);
    return json.build().toString();
  }

  /**
   * @throws IllegalArgumentException if the column holds text that is not a JSON object
   */
  @Override
  public Map<String, String> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return Map.of();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    try (JsonReader reader = JSON.createReader(new StringReader(column))) {
      reader
          .readObject()
          .forEach(
              (name, value) ->
                  attributes.put(
                      name,
                      value instanceof JsonString text ? text.getString() : value.toString()));
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalArgumentException("attributes column is not a JSON object: " + column, e);
    }
    return Collections.unmodifiableMap(attributes);
  }
}
