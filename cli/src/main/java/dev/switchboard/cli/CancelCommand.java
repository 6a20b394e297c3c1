package dev.switchboard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cancel}: cancels tasks by id, or every task that has not ended and matches a filter. For a
 * filter it first says how many tasks match and asks (or takes {@code --yes}). Exit code 1 if any
 * task could not be cancelled (no such task, or it had ended).
 */
@Command(
    name = "cancel",
    description =
        "Cancel tasks by id, or those matching --state/--user/--application (asks first, unless"
            + " --yes); exit code 1 if any could not be cancelled; REST only.")
class CancelCommand implements Callable<Integer> {

  /** The states a task can be cancelled in; a filter without --state means all of them. */
  static final List<String> OPEN =
      List.of("SUBMITTED", "FORWARDED", "PENDING", "ALLOCATED", "RUNNING");

  static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED");

  /** The most tasks one filter may cancel; a wider one should be narrowed first. */
  static final int MAX_MATCHES = 10_000;

  static final int PAGE = 500;

  @ParentCommand Switchboard parent;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "The tasks' ids.")
  List<Long> ids = new ArrayList<>();

  @Mixin TaskFilterOptions filter;

  @Option(
      names = {"-y", "--yes"},
      description = "Cancel what the filter matches without asking.")
  boolean yes;

  @Override
  public Integer call() throws IOException {
    checkArguments();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (RestGateway rest = parent.rest("cancel")) {
      List<Long> targets = ids;
      if (targets.isEmpty()) {
        targets = matches(rest);
        out.printf("%d tasks match %s%n", targets.size(), describe());
        out.flush();
        if (targets.isEmpty()) {
          return 0;
        }
        if (!yes && !confirmed(out, targets.size())) {
          err.println("switchboard: nothing cancelled (answer y, or give --yes)");
          return Switchboard.FAILED;
        }
      }
      int failed = 0;
      for (long id : targets) {
        RestGateway.Cancellation done = rest.cancel(id);
        if (done.done()) {
          out.printf("task %d %s%n", id, done.message());
        } else {
          failed++;
          err.printf("switchboard: task %d not cancelled: %s%n", id, done.message());
        }
      }
      out.printf("cancelled %d of %d%n", targets.size() - failed, targets.size());
      return failed == 0 ? 0 : Switchboard.FAILED;
    }
  }

  void checkArguments() {
    if (!ids.isEmpty() && filter.any()) {
      throw new ParameterException(
          spec.commandLine(), "give ids or a filter (--state, --user, --application), not both");
    }
    if (ids.isEmpty() && !filter.any()) {
      throw new ParameterException(
          spec.commandLine(), "name the tasks: ids, or --state, --user or --application");
    }
    if (filter.state != null) {
      for (String state : filter.state.split(",")) {
        if (ENDED.contains(state.trim().toUpperCase(Locale.ROOT))) {
          throw new ParameterException(
              spec.commandLine(),
              "--state " + state.trim() + ": such a task has ended and cannot be cancelled");
        }
      }
    }
  }

  /** The ids of every open task the filter matches, page by page along the cursor. */
  List<Long> matches(RestGateway rest) {
    Map<String, String> query = new LinkedHashMap<>(filter.query());
    if (filter.state == null) {
      query.put("state", String.join(",", OPEN));
    }
    query.put("sort", "id");
    query.put("limit", Integer.toString(PAGE));
    List<Long> found = new ArrayList<>();
    RestGateway.Page page = rest.tasks(query);
    if (page.total() > MAX_MATCHES) {
      throw new ParameterException(
          spec.commandLine(),
          page.total() + " tasks match, more than " + MAX_MATCHES + ": narrow the filter");
    }
    while (true) {
      page.tasks().forEach(t -> found.add(t.getJsonNumber("id").longValue()));
      if (page.next() == null || found.size() >= MAX_MATCHES) {
        return found;
      }
      query.put("cursor", page.next());
      page = rest.tasks(query);
    }
  }

  String describe() {
    List<String> parts = new ArrayList<>();
    filter
        .query()
        .forEach(
            (name, value) -> {
              if (value != null) {
                parts.add(name + "=" + value);
              }
            });
    if (filter.state == null) {
      parts.add(0, "state=" + String.join(",", OPEN));
    }
    return String.join(" ", parts);
  }

  private static boolean confirmed(PrintWriter out, int count) throws IOException {
    out.printf("cancel these %d tasks? [y/N] ", count);
    out.flush();
    String answer =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return answer != null && List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT));
  }
}
