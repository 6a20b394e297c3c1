package dev.switchboard.console.security;

/**
 * Text a caller chose (an account name, a path), made safe to write in a log line: line breaks and
 * other control characters are written as escapes, so a name such as {@code "x\nINFO: admin signed
 * in"} cannot forge a line of its own, and a long text is cut.
 */
public final class LogText {

  /** At most this many characters of a caller's text are logged. */
  static final int MAX = 80;

  private LogText() {}

  /** The text in double quotes, escaped and cut; {@code null} for null. */
  public static String of(String untrusted) {
    if (untrusted == null) {
      return "null";
    }
    StringBuilder safe = new StringBuilder(Math.min(untrusted.length(), MAX) + 8).append('"');
    int shown = Math.min(untrusted.length(), MAX);
    for (int i = 0; i < shown; i++) {
      char c = untrusted.charAt(i);
      switch (c) {
        case '\n' -> safe.append("\\n");
        case '\r' -> safe.append("\\r");
        case '\t' -> safe.append("\\t");
        case '"' -> safe.append("\\\"");
        case '\\' -> safe.append("\\\\");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            safe.append(String.format("\\u%04x", (int) c));
          } else {
            safe.append(c);
          }
        }
      }
    }
    safe.append('"');
    if (untrusted.length() > MAX) {
      safe.append("… (").append(untrusted.length()).append(" characters)");
    }
    return safe.toString();
  }
}
