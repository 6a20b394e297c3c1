package dev.switchboard.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A task with its route, outcome and history, as clients and the console see it. */
public record TaskView(
    long id,
    String application,
    String user,
    String client,
    int slots,
    double minPower,
    String requirements,
    String rank,
    int priority,
    String state,
    String result,
    String reason,
    String pool,
    String skippedPools,
    String tier2,
    String server,
    Instant submittedAt,
    Instant updatedAt,
    List<TaskEventView> events)
    implements Serializable {}
