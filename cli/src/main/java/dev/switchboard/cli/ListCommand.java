package dev.switchboard.cli;

import dev.switchboard.cli.Listing.Cell;
import dev.switchboard.cli.Listing.Column;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code list}: the task list as squeue shows jobs, one page of {@code GET /api/tasks}: ID, USER,
 * APP, STATE, SERVER, AGE (since submission) and REASON (why a waiting task waits, or why a task
 * failed or was cancelled: the reason the task carries, the matcher's summary for a pending one).
 */
@Command(
    name = "list",
    description = "List tasks (ID USER APP STATE SERVER AGE REASON), newest first; REST only.")
class ListCommand implements Callable<Integer> {

  /** States whose reason says nothing the other columns do not. */
  static final Set<String> NO_REASON = Set.of("ALLOCATED", "RUNNING", "COMPLETED");

  /** The widest reason a table shows; CSV and JSON carry it whole. */
  static final int REASON_WIDTH = 60;

  static final int MAX_LIMIT = 500;

  static final List<Column> COLUMNS =
      List.of(
          new Column("ID", "id"),
          new Column("USER", "user"),
          new Column("APP", "application"),
          new Column("STATE", "state"),
          new Column("SERVER", "server"),
          new Column("AGE", "submittedAt"),
          new Column("REASON", "reason", REASON_WIDTH));

  @ParentCommand Switchboard parent;

  @Spec CommandSpec spec;

  @Mixin TaskFilterOptions filter;

  @Option(
      names = "--server",
      paramLabel = "NAME",
      description = "Only tasks allocated to this server.")
  String server;

  @Option(
      names = "--distributor",
      paramLabel = "NAME",
      description = "Only tasks forwarded to this tier-2 distributor.")
  String distributor;

  @Option(
      names = "--since",
      paramLabel = "INSTANT",
      description = "Only tasks submitted at or after, e.g. 2026-11-26T08:00:00Z.")
  String since;

  @Option(
      names = "--before",
      paramLabel = "INSTANT",
      description = "Only tasks submitted before this instant.")
  String before;

  @Option(
      names = "--text",
      paramLabel = "WORD",
      description = "An id, or a whole application, user, server or distributor name.")
  String text;

  @Option(
      names = "--sort",
      paramLabel = "KEY",
      description = "id, submittedAt or state; a leading - for descending (default: -id).")
  String sort;

  @Option(
      names = {"-n", "--limit"},
      defaultValue = "50",
      description = "How many tasks, 1 to " + MAX_LIMIT + " (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "How many matches to skip.")
  int offset;

  @Option(
      names = "--cursor",
      paramLabel = "CURSOR",
      description = "Start where a previous list left off (it prints the cursor).")
  String cursor;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table, json or csv (default: the global --output, else table).")
  Listing.Format output;

  @Override
  public Integer call() {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ParameterException(spec.commandLine(), "--limit must be 1 to " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new ParameterException(spec.commandLine(), "--offset must be 0 or more");
    }
    try (RestGateway rest = parent.rest("list")) {
      RestGateway.Page page = rest.tasks(query());
      parent.print(spec, listing(page.tasks(), Instant.now()), output);
      long shown = offset + page.tasks().size();
      if (page.total() > shown && page.next() != null) {
        spec.commandLine()
            .getErr()
            .printf(
                "%d of %d tasks; more with --cursor %s%n",
                page.tasks().size(), page.total(), page.next());
      }
      return 0;
    }
  }

  /** The API's query parameters for these options; unset ones are left out. */
  Map<String, String> query() {
    Map<String, String> query = new LinkedHashMap<>(filter.query());
    query.put("server", server);
    query.put("distributor", distributor);
    query.put("submittedFrom", since);
    query.put("submittedBefore", before);
    query.put("text", text);
    query.put("sort", sort);
    query.put("limit", Integer.toString(limit));
    query.put("offset", offset == 0 ? null : Integer.toString(offset));
    query.put("cursor", cursor);
    return query;
  }

  /** The tasks as rows; ages at {@code now}. */
  static Listing listing(List<JsonObject> tasks, Instant now) {
    Listing listing = new Listing(COLUMNS);
    for (JsonObject task : tasks) {
      String state = task.getString("state", null);
      String submitted = task.getString("submittedAt", null);
      String reason = NO_REASON.contains(state) ? null : task.getString("reason", null);
      List<Cell> row = new ArrayList<>();
      row.add(Cell.of(task.getJsonNumber("id").longValue()));
      row.add(Cell.of(task.getString("user", null)));
      row.add(Cell.of(task.getString("application", null)));
      row.add(Cell.of(state));
      row.add(Cell.of(task.getString("server", null)));
      row.add(new Cell(Age.since(submitted, now), submitted));
      row.add(Cell.of(reason));
      listing.add(row);
    }
    return listing;
  }
}
