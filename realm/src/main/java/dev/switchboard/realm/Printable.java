package dev.switchboard.realm;

/**
 * A caller's text made safe for a log line: control characters (line breaks above all) escaped, so
 * a name cannot forge lines, and long text cut. The console has the same rule; the realm runs in
 * the server's class loader and cannot use the application's classes.
 */
final class Printable {

  static final int MAX = 80;

  private Printable() {}

  static String of(String untrusted) {
    if (untrusted == null) {
      return "null";
    }
    StringBuilder safe = new StringBuilder("\"");
    for (int i = 0; i < Math.min(untrusted.length(), MAX); i++) {
      char c = untrusted.charAt(i);
      if (c == '"' || c == '\\') {
        safe.append('\\').append(c);
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        safe.append(String.format("\\u%04x", (int) c));
      } else {
        safe.append(c);
      }
    }
    safe.append('"');
    if (untrusted.length() > MAX) {
      safe.append("… (").append(untrusted.length()).append(" characters)");
    }
    return safe.toString();
  }
}
