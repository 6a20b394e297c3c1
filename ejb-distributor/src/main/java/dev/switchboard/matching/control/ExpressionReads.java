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

  private static final Pattern OUTSIDE =
      Pattern.compile("\\b(task|user|client)\\b((?:\\.[A-Za-z_][A-Za-z0-9_]*)*)(\\s*[\\[(]?)");
  private static final Pattern VOLATILE = Pattern.compile("\\b(load|freeSlots|idlePowerAge)\\b");

  /** Result of the analysis; {@code paths} is null when the expression is not cacheable. */
  record Reads(boolean cacheable, List<List<String>> paths) {}

  private ExpressionReads() {}

  static Reads of(String text) {
    String code = withoutLiterals(text);
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

  /**
   * The text with every string and bytes literal replaced by {@code ''}, so that what a literal
   * holds is not read as code. A scan, not a regular expression: the pattern it replaces recursed
   * once per character and overflowed the stack on a literal of 2,000 characters.
   */
  static String withoutLiterals(String text) {
    StringBuilder code = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '\'' && c != '"') {
        code.append(c);
        i++;
        continue;
      }
      boolean raw = isRaw(text, i);
      String triple = String.valueOf(c).repeat(3);
      String quote = text.startsWith(triple, i) ? triple : String.valueOf(c);
      int j = i + quote.length();
      while (j < text.length() && !text.startsWith(quote, j)) {
        j += !raw && text.charAt(j) == '\\' ? 2 : 1;
      }
      code.append("''");
      i = Math.min(text.length(), j + quote.length());
    }
    return code.toString();
  }

  /** Whether the literal opening at {@code quote} has the prefix r, rb or br: no escapes in it. */
  private static boolean isRaw(String text, int quote) {
    for (int k = quote - 1; k >= Math.max(0, quote - 2); k--) {
      char prefix = Character.toLowerCase(text.charAt(k));
      if (prefix == 'r') {
        return true;
      }
      if (prefix != 'b') {
        return false;
      }
    }
    return false;
  }
}
