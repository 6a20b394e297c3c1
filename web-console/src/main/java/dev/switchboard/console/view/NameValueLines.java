package dev.switchboard.console.view;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text of {@code name=value} pairs, one a line, as the console's forms take attributes and weights.
 * Blank lines are skipped, name and value are trimmed, and the value is everything after the first
 * {@code =} (so it may hold one itself). The names and values are checked by whoever takes them;
 * this only reads the form of the text.
 */
final class NameValueLines {

  private NameValueLines() {}

  /**
   * @param field what the text is, for the messages ("attributes", "weights")
   * @return the pairs in their order; empty for null or blank text
   * @throws IllegalArgumentException naming the field and the line at fault
   */
  static Map<String, String> parse(String field, String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (text == null) {
      return pairs;
    }
    Map<String, Integer> lineOf = new HashMap<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int number = i + 1;
      if (line.isBlank()) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals < 0) {
        throw fault(field, number, "has no '='");
      }
      String name = line.substring(0, equals).trim();
      if (name.isEmpty()) {
        throw fault(field, number, "has no name before '='");
      }
      Integer first = lineOf.putIfAbsent(name, number);
      if (first != null) {
        throw fault(field, number, "repeats " + name + " of line " + first);
      }
      pairs.put(name, line.substring(equals + 1).trim());
    }
    return pairs;
  }

  private static IllegalArgumentException fault(String field, int line, String what) {
    return new IllegalArgumentException(
        field + ", line " + line + " " + what + ": write name=value, one per line");
  }
}
