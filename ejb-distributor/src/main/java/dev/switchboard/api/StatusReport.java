package dev.switchboard.api;

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
 */
public record StatusReport(
    long taskId,
    int attempt,
    String server,
    boolean completed,
    Instant startedAt,
    Instant finishedAt,
    String result) {}
