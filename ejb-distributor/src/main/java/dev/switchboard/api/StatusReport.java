package dev.switchboard.api;

import java.time.Instant;

/**
 * What a fulfillment server reports about one task it ran.
 *
 * @param taskId the task's id
 * @param server the server that ran it
 * @param completed true if it completed, false if it failed
 * @param startedAt when it started running
 * @param finishedAt when it ended
 * @param result the application's output (completed) or the reason it failed
 */
public record StatusReport(
    long taskId,
    String server,
    boolean completed,
    Instant startedAt,
    Instant finishedAt,
    String result) {}
