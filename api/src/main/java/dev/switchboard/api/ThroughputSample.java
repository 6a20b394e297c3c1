package dev.switchboard.api;

/**
 * What happened to tasks in one interval on this node: how many were accepted by a tier-1 pool, how
 * many completed or failed, and the time from submission to completion of those that completed.
 *
 * @param start ISO-8601 start of the interval
 * @param seconds its length
 */
public record ThroughputSample(
    String start,
    int seconds,
    long submitted,
    long completed,
    long failed,
    double meanLatencyMs,
    long maxLatencyMs) {}
