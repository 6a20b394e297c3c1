package dev.switchboard.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameValueLinesTest {

  static String refused(String text) {
    return assertThrows(
            IllegalArgumentException.class, () -> NameValueLines.parse("attributes", text))
        .getMessage();
  }

  @Test
  void pairsAreReadTrimmedAndInTheirOrder() {
    Map<String, String> pairs =
        NameValueLines.parse("attributes", " gpu = a100 \r\n\n  \ncores=8\nnote=a=b\nempty=");
    assertEquals(Map.of("gpu", "a100", "cores", "8", "note", "a=b", "empty", ""), pairs);
    assertEquals(List.of("gpu", "cores", "note", "empty"), List.copyOf(pairs.keySet()));
  }

  @Test
  void noTextIsNoPairs() {
    assertEquals(Map.of(), NameValueLines.parse("attributes", null));
    assertEquals(Map.of(), NameValueLines.parse("attributes", ""));
    assertEquals(Map.of(), NameValueLines.parse("attributes", " \n\t\n"));
  }

  @Test
  void aLineWithoutEqualsIsRefusedByItsNumber() {
    assertEquals(
        "attributes, line 3 has no '=': write name=value, one per line",
        refused("gpu=a100\n\ncores 8"));
  }

  @Test
  void aLineWithoutNameIsRefused() {
    assertEquals(
        "attributes, line 1 has no name before '=': write name=value, one per line",
        refused(" =8"));
  }

  @Test
  void aRepeatedNameIsRefusedRatherThanOneValueLost() {
    assertEquals(
        "attributes, line 2 repeats gpu of line 1: write name=value, one per line",
        refused("gpu=a100\n gpu = h100"));
  }

  @Test
  void theMessageNamesTheField() {
    assertEquals(
        "weights, line 1 has no '=': write name=value, one per line",
        assertThrows(IllegalArgumentException.class, () -> NameValueLines.parse("weights", "x"))
            .getMessage());
  }
}
