package dev.switchboard.cli;

import dev.switchboard.cli.Listing.Cell;
import dev.switchboard.cli.Listing.Column;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code distributors}: the distributors of both tiers from {@code GET /api/distributors}, tier 1
 * first and each tier in search order: NAME, TIER, POS (place in the search order), STATE (as an
 * operator set it), and for tier 2 what it last broadcast: QUEUED (tasks waiting for it) against
 * LIMIT (at which tier 1 skips it), SERVERS, FREE slots, HEALTHY, LAST-HEARD. A tier-2 distributor
 * never heard from shows {@code -} there.
 */
@Command(
    name = "distributors",
    description =
        "List distributors of both tiers (NAME TIER POS STATE QUEUED LIMIT SERVERS FREE HEALTHY"
            + " LAST-HEARD); REST only.")
class DistributorsCommand implements Callable<Integer> {

  static final List<Column> COLUMNS =
      List.of(
          new Column("NAME", "name"),
          new Column("TIER", "tier"),
          new Column("POS", "position"),
          new Column("STATE", "state"),
          new Column("QUEUED", "queueDepth"),
          new Column("LIMIT", "queueLimit"),
          new Column("SERVERS", "servers"),
          new Column("FREE", "freeSlots"),
          new Column("HEALTHY", "healthy"),
          new Column("LAST-HEARD", "lastHeardAt"));

  @ParentCommand Switchboard parent;

  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table, json or csv (default: the global --output, else table).")
  Listing.Format output;

  @Override
  public Integer call() {
    try (RestGateway rest = parent.rest("distributors")) {
      return parent.print(spec, listing(rest.distributors(), Instant.now()), output);
    }
  }

  /** The distributors as rows, in the API's order; ages at {@code now}. */
  static Listing listing(List<JsonObject> distributors, Instant now) {
    Listing listing = new Listing(COLUMNS);
    for (JsonObject distributor : distributors) {
      int tier = distributor.getInt("tier", 0);
      JsonObject status =
          distributor.get("lastStatus") instanceof JsonObject heard
              ? heard
              : JsonValue.EMPTY_JSON_OBJECT;
      String heardAt = ServersCommand.text(status, "measuredAt");
      List<Cell> row = new ArrayList<>();
      row.add(Cell.of(ServersCommand.text(distributor, "name")));
      row.add(Cell.of(tier));
      row.add(Cell.of(distributor.getInt("position", 0)));
      row.add(Cell.of(ServersCommand.text(distributor, "state")));
      row.add(number(status, "queueDepth"));
      row.add(tier == 2 ? number(distributor, "queueLimit") : Cell.of(null));
      row.add(number(status, "servers"));
      row.add(number(status, "freeSlots"));
      row.add(healthy(status.get("healthy")));
      row.add(new Cell(Age.since(heardAt, now), heardAt));
      listing.add(row);
    }
    return listing;
  }

  private static Cell healthy(JsonValue value) {
    if (value == null) {
      return Cell.of(null);
    }
    return switch (value.getValueType()) {
      case TRUE -> new Cell("yes", true);
      case FALSE -> new Cell("no", false);
      default -> Cell.of(null);
    };
  }

  private static Cell number(JsonObject json, String key) {
    return Cell.of(json.containsKey(key) && !json.isNull(key) ? json.getInt(key) : null);
  }
}
