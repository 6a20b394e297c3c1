package dev.switchboard.cli;

import dev.switchboard.cli.Listing.Cell;
import dev.switchboard.cli.Listing.Column;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * The matcher's explanation of a task for a person: the outcome and its summary, how many servers
 * were looked at, then tables of what excluded servers, the servers that came closest, and the
 * chosen server's score. A part the explanation lacks is left out.
 */
final class ExplanationText {

  private ExplanationText() {}

  static String of(long id, JsonObject why) {
    StringBuilder text = new StringBuilder();
    text.append("task ").append(id).append(' ').append(why.getString("outcome", "unexplained"));
    String server = why.getString("server", null);
    if (server != null) {
      text.append(" to ").append(server);
    }
    text.append(": ").append(why.getString("summary", "")).append('\n');
    if (why.containsKey("servers")) {
      text.append(
          String.format(
              "servers: %d in the index, %d scanned, %d feasible%n",
              why.getInt("servers"), why.getInt("scanned", 0), why.getInt("feasible", 0)));
    }
    section(text, "CRITERION", "EXCLUDED", why.get("excluded"));
    if (why.get("closest") instanceof JsonArray closest && !closest.isEmpty()) {
      Listing near =
          new Listing(List.of(new Column("CLOSEST", "server"), new Column("LACKED", "")));
      closest
          .getValuesAs(JsonObject.class)
          .forEach(
              n ->
                  near.add(
                      List.of(
                          Cell.of(n.getString("server", null)),
                          Cell.of(n.getString("lacked", null)))));
      text.append('\n').append(near.table());
    }
    section(text, "TERM", "SCORE", why.get("score"));
    String age = dataAge(why);
    String decided = why.getString("decidedAt", null);
    if (age != null || decided != null) {
      text.append('\n');
      if (age != null) {
        text.append("attribute data ").append(age).append(" old");
      }
      if (decided != null) {
        text.append(age == null ? "" : "; ").append("decided at ").append(decided);
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** A table of an object's names and numbers, after a blank line; nothing for none. */
  private static void section(StringBuilder text, String name, String number, JsonValue value) {
    if (!(value instanceof JsonObject entries) || entries.isEmpty()) {
      return;
    }
    Listing table = new Listing(List.of(new Column(name, ""), new Column(number, "")));
    entries.forEach((key, entry) -> table.add(List.of(Cell.of(key), number(entry))));
    text.append('\n').append(table.table());
  }

  private static Cell number(JsonValue value) {
    if (!(value instanceof JsonNumber n)) {
      return Cell.of(null);
    }
    if (n.isIntegral()) {
      return Cell.of(n.longValue());
    }
    return new Cell(String.format(Locale.ROOT, "%.3f", n.doubleValue()), n.doubleValue());
  }

  /** "0.4 to 2.1 s" from the oldest and newest figure's age, or null without them. */
  private static String dataAge(JsonObject why) {
    if (!(why.get("newestDataSeconds") instanceof JsonNumber newest)
        || !(why.get("oldestDataSeconds") instanceof JsonNumber oldest)) {
      return null;
    }
    return String.format(Locale.ROOT, "%.1f to %.1f s", newest.doubleValue(), oldest.doubleValue());
  }
}
