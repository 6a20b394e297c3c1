package dev.switchboard.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The filters {@code list} and {@code cancel} share, named as the API's query parameters. */
class TaskFilterOptions {

  @Option(
      names = {"-t", "--state"},
      paramLabel = "STATE[,STATE]",
      description = "Only tasks in these states, e.g. PENDING,RUNNING.")
  String state;

  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER",
      description = "Only this user's tasks.")
  String user;

  @Option(
      names = {"-a", "--application"},
      paramLabel = "APP",
      description = "Only tasks of this application.")
  String application;

  boolean any() {
    return state != null || user != null || application != null;
  }

  /** The API's parameters; null for those not given. */
  Map<String, String> query() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("state", state);
    query.put("user", user);
    query.put("application", application);
    return query;
  }
}
