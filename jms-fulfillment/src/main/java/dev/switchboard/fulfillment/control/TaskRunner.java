package dev.switchboard.fulfillment.control;

import dev.switchboard.messaging.DispatchItem;
import dev.switchboard.messaging.StatusReport;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Runs one dispatched task with the application it names and turns the outcome into a status
 * report. An application's failure becomes a FAILED report with its message, never an exception:
 * the task's outcome is data, and the message carrying it must still be acknowledged.
 */
public class TaskRunner {

  private final Map<String, TaskApplication> applications;
  private final Clock clock;
  private final String node;

  public TaskRunner(Iterable<TaskApplication> installed, Clock clock) {
    this(installed, clock, null);
  }

  /**
   * @param node the node this runs on, named in every report (tier 2 refuses a report whose node is
   *     not the one its server registered from)
   */
  public TaskRunner(Iterable<TaskApplication> installed, Clock clock, String node) {
    this.node = node;
    this.applications =
        StreamSupport.stream(installed.spliterator(), false)
            .collect(Collectors.toMap(TaskApplication::name, Function.identity()));
    this.clock = clock;
  }

  public StatusReport run(String server, DispatchItem item) {
    Instant started = clock.instant();
    TaskApplication application = applications.get(item.application());
    if (application == null) {
      return failed(
          server,
          item,
          started,
          "application '" + item.application() + "' is not installed on " + server);
    }
    try {
      String result =
          application.run(
              item.input() == null ? "" : item.input(),
              new RunContext(item.taskId(), item.attempt(), server, node));
      return new StatusReport(
          item.taskId(), item.attempt(), server, true, started, clock.instant(), result, node);
    } catch (RuntimeException e) {
      return failed(server, item, started, item.application() + " failed: " + e.getMessage());
    }
  }

  /** A report of a run that failed for the given reason. */
  public StatusReport failed(String server, DispatchItem item, Instant started, String reason) {
    return new StatusReport(
        item.taskId(), item.attempt(), server, false, started, clock.instant(), reason, node);
  }

  /** Names of the applications this runner has. */
  public Set<String> names() {
    return applications.keySet();
  }
}
