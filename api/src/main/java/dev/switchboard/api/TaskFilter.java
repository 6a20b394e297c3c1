package dev.switchboard.api;

/**
 * What the console's task list filters by; a null field does not filter. Times are ISO-8601
 * instants (submitted from, inclusive, and before, exclusive).
 */
public record TaskFilter(
    String state,
    String user,
    String application,
    String server,
    String submittedFrom,
    String submittedBefore) {

  public static final TaskFilter NONE = new TaskFilter(null, null, null, null, null, null);
}
