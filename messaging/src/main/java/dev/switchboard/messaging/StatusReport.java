package dev.switchboard.messaging;

import dev.switchboard.api.ServerRegistration;
import jakarta.json.bind.annotation.JsonbCreator;
import java.time.Instant;

/**
 * What a fulfillment server reports about one run of a task.
 *
 * @param taskId the task's id
 * @param attempt the run it reports on; a report about an earlier attempt is ignored
 * @param server the server that ran it
 * @param completed true if it completed, false if it failed
 * @param startedAt when it started running
 * @param finishedAt when it ended
 * @param result the application's output (completed) or the reason it failed
 * @param node the fulfillment node the server runs on, as the node names itself in its
 *     registrations ({@link ServerRegistration#node()}); a report whose node is not the one its
 *     server registered from is refused
 */
public record StatusReport(
    long taskId,
    int attempt,
    String server,
    boolean completed,
    Instant startedAt,
    Instant finishedAt,
    String result,
    String node) {

  /** The constructor JSON-B reads a report with: a record with two constructors must say which. */
  @JsonbCreator
  public StatusReport {}

  /** A report that names no node, as versions before the node was reported sent. */
  public StatusReport(
      long taskId,
      int attempt,
      String server,
      boolean completed,
      Instant startedAt,
      Instant finishedAt,
      String result) {
    this(taskId, attempt, server, completed, startedAt, finishedAt, result, null);
  }
}
