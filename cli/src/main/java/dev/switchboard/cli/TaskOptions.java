package dev.switchboard.cli;

import dev.switchboard.api.TaskRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that say what a task is (application, input, who asks, what it needs from a server),
 * mixed into {@code submit}; {@link #request()} builds the task they describe. Every task of one
 * submission is the same request.
 */
final class TaskOptions {

  @Option(
      names = {"-a", "--application"},
      required = true,
      description = "e.g. sha256")
  String application;

  @Option(
      names = {"-i", "--input"},
      defaultValue = "",
      description = "The application's input.")
  String input;

  @Option(
      names = {"-u", "--user"},
      defaultValue = "${sys:user.name}",
      description = "User id.")
  String user;

  @Option(
      names = {"-c", "--client"},
      defaultValue = "cli",
      description = "Client id.")
  String client;

  @Option(names = "--slots", defaultValue = "1", description = "Slots the task needs.")
  int slots;

  @Option(
      names = "--min-power",
      defaultValue = "0",
      paramLabel = "POWER",
      description = "Least computing power a server must have (default ${DEFAULT-VALUE}).")
  double minPower;

  @Option(
      names = "--attribute",
      paramLabel = "NAME=VALUE",
      description =
          "A custom attribute of the task, seen by expressions as task.attributes.NAME;"
              + " repeat for more.")
  Map<String, String> attributes = new LinkedHashMap<>();

  @Option(names = "--requirements", description = "CEL expression a server must satisfy.")
  String requirements;

  @Option(names = "--rank", description = "CEL expression ranking servers (higher is better).")
  String rank;

  @Option(
      names = "--run-timeout",
      defaultValue = "" + TaskRequest.DEFAULT_TIMEOUT,
      description = "Seconds a run may take on its server (default ${DEFAULT-VALUE}).")
  int runTimeout;

  @Option(names = "--retries", defaultValue = "0", description = "Retries of a failed run.")
  int retries;

  /** The task the options describe. */
  TaskRequest request() {
    return new TaskRequest(
        application,
        input,
        user,
        client,
        slots,
        minPower,
        requirements,
        rank,
        attributes,
        runTimeout,
        retries);
  }
}
