package dev.switchboard.matching.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what an expression reads besides the server, from its text: every use of {@code task},
 * {@code user} or {@code client} must be a plain dotted path for the expression to be cacheable,
 * and it must not read the server's load, free slots or the age of its figures, which change
 * without a new snapshot. Conservative: anything else makes it not cacheable.
 */
final class ExpressionReads {

  private static final Pattern LITERALS =
      Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern OUTSIDE =
      Pattern.compile("\\b(task|user|client)\\b((?:\\.[A-Za-z_][A-Za-z0-9_]*)*)(\\s*[\\[(]?)");
  private static final Pattern VOLATILE = Pattern.compile("\\b(load|freeSlots|idlePowerAge)\\b");

  /** Result of the analysis; {@code paths} is null when the expression is not cacheable. */
  record Reads(boolean cacheable, List<List<String>> paths) {}

  private ExpressionReads() {}

  static Reads of(String text) {
    String code = LITERALS.matcher(text).replaceAll("''");
    if (VOLATILE.matcher(code).find()) {
      return new Reads(false, List.of());
    }
    List<List<String>> paths = new ArrayList<>();
    Matcher m = OUTSIDE.matcher(code);
    while (m.find()) {
      boolean preceededByDot = m.start() > 0 && code.charAt(m.start() - 1) == '.';
      if (preceededByDot) {
        continue; // a field named like a variable, e.g. server.attributes.user
      }
      if (m.group(2).isEmpty() || !m.group(3).isBlank()) {
        return new Reads(false, List.of());
      }
      List<String> path = new ArrayList<>();
      path.add(m.group(1));
      path.addAll(Arrays.asList(m.group(2).substring(1).split("\\.")));
      if (!paths.contains(path)) {
        paths.add(List.copyOf(path));
      }
    }
    return new Reads(true, List.copyOf(paths));
  }
}
