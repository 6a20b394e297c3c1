package dev.switchboard.common.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeMapConverterTest {

  private final AttributeMapConverter converter = new AttributeMapConverter();

  private static Map<String, String> known() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("zone", "zürich");
    attributes.put("cores", "8");
    attributes.put("note", "say \"hi\"\\ \n/");
    return attributes;
  }

  @Test
  void aKnownMapIsStoredAsTheCompactJsonObjectTheColumnHasAlwaysHeld() {
    assertEquals(
        "{\"zone\":\"zürich\",\"cores\":\"8\",\"note\":\"say \\\"hi\\\"\\\\ \\n/\"}",
        converter.convertToDatabaseColumn(known()));
  }

  @Test
  void aMapComesBackEqualAndInItsOrder() {
    Map<String, String> read =
        converter.convertToEntityAttribute(converter.convertToDatabaseColumn(known()));
    assertEquals(known(), read);
    assertEquals(List.of("zone", "cores", "note"), List.copyOf(read.keySet()));
  }

  @Test
  void noAttributesAreNullAndNullIsNoAttributes() {
    assertNull(converter.convertToDatabaseColumn(null));
    assertNull(converter.convertToDatabaseColumn(Map.of()));
    assertTrue(converter.convertToEntityAttribute(null).isEmpty());
    assertTrue(converter.convertToEntityAttribute("").isEmpty());
    assertTrue(converter.convertToEntityAttribute(" ").isEmpty());
    assertTrue(converter.convertToEntityAttribute("{}").isEmpty());
  }

  @Test
  void aValueThatIsNotAJsonStringReadsAsItsJsonText() {
    assertEquals(
        Map.of("cores", "8", "gpu", "true", "tags", "[\"a\",1]"),
        converter.convertToEntityAttribute("{\"cores\":8,\"gpu\":true,\"tags\":[\"a\",1]}"));
  }

  @Test
  void whatIsReadCannotBeChangedBehindTheEntitysBack() {
    Map<String, String> read = converter.convertToEntityAttribute("{\"k\":\"v\"}");
    assertThrows(UnsupportedOperationException.class, () -> read.put("k", "w"));
  }

  @Test
  void aColumnThatIsNotAJsonObjectIsRefusedNamingItsText() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> converter.convertToEntityAttribute("[1,2]"));
    assertEquals("attributes column is not a JSON object: [1,2]", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> converter.convertToEntityAttribute("gpu=a100"));
  }
}
