package dev.switchboard.api;

/**
 * What a task search filters by; a null or blank field does not filter. Every field is an exact
 * match, so that each condition is an index look-up.
 *
 * @param state one state, or several separated by commas (SUBMITTED, PENDING, ...)
 * @param user the submitting user
 * @param application the application
 * @param server the fulfillment server it was allocated to
 * @param distributor the tier-2 distributor it was forwarded to
 * @param submittedFrom an ISO-8601 instant, inclusive
 * @param submittedBefore an ISO-8601 instant, exclusive
 * @param text one word matched against the id, application, user, server and tier-2 distributor
 */
public record TaskFilter(
    String state,
    String user,
    String application,
    String server,
    String distributor,
    String submittedFrom,
    String submittedBefore,
    String text) {

  public static final TaskFilter NONE =
      new TaskFilter(null, null, null, null, null, null, null, null);

  /** The console's filter: no distributor, no free text. */
  public TaskFilter(
      String state,
      String user,
      String application,
      String server,
      String submittedFrom,
      String submittedBefore) {
    this(state, user, application, server, null, submittedFrom, submittedBefore, null);
  }
}
