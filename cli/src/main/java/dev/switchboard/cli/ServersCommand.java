package dev.switchboard.cli;

import dev.switchboard.cli.Listing.Cell;
import dev.switchboard.cli.Listing.Column;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code servers}: the fulfillment servers as sinfo shows nodes, from {@code GET /api/servers}:
 * NAME, STATE, SLOTS, USED/FREE slots, ZONE, APPLICATIONS and LAST-HEARD (how long since its last
 * update). CSV and JSON carry {@code used} (free is slots minus used) and the instant last heard.
 */
@Command(
    name = "servers",
    description =
        "List fulfillment servers (NAME STATE SLOTS USED/FREE ZONE APPLICATIONS LAST-HEARD);"
            + " REST only.")
class ServersCommand implements Callable<Integer> {

  static final int APPLICATIONS_WIDTH = 40;

  static final List<Column> COLUMNS =
      List.of(
          new Column("NAME", "name"),
          new Column("STATE", "state"),
          new Column("SLOTS", "slots"),
          new Column("USED/FREE", "used"),
          new Column("ZONE", "zone"),
          new Column("APPLICATIONS", "applications", APPLICATIONS_WIDTH),
          new Column("LAST-HEARD", "lastHeardAt"));

  @ParentCommand Switchboard parent;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table, json or csv (default: the global --output, else table).")
  Listing.Format output;

  @Override
  public Integer call() {
    try (RestGateway rest = parent.rest("servers")) {
      return parent.print(spec, listing(rest.servers(), Instant.now()), output);
    }
  }

  /** The servers by name as rows; ages at {@code now}. */
  static Listing listing(List<JsonObject> servers, Instant now) {
    Listing listing = new Listing(COLUMNS);
    List<JsonObject> byName = new ArrayList<>(servers);
    byName.sort(Comparator.comparing(s -> s.getString("name", "")));
    for (JsonObject server : byName) {
      int slots = server.getInt("slots", 0);
      int used = server.getInt("load", 0);
      List<String> applications =
          server.containsKey("applications")
                  && server.get("applications").getValueType() == JsonValue.ValueType.ARRAY
              ? server.getJsonArray("applications").getValuesAs(JsonString.class).stream()
                  .map(JsonString::getString)
                  .sorted()
                  .toList()
              : List.of();
      String heard = text(server, "lastHeardAt");
      listing.add(
          List.of(
              Cell.of(server.getString("name", null)),
              Cell.of(server.getString("state", null)),
              Cell.of(slots),
              new Cell(used + "/" + Math.max(0, slots - used), used),
              Cell.of(text(server, "zone")),
              new Cell(String.join(",", applications), applications),
              new Cell(Age.since(heard, now), heard)));
    }
    return listing;
  }

  /** A string member, or null when it is absent, null or not a string. */
  static String text(JsonObject json, String key) {
    JsonValue value = json.get(key);
    return value instanceof JsonString text ? text.getString() : null;
  }
}
