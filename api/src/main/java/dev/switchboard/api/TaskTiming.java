package dev.switchboard.api;

/**
 * When a task reached each stage, in epoch milliseconds (0: not reached): for load reports, which
 * compute latencies from the times recorded on the tasks themselves.
 *
 * @param id the task
 * @param state its state now
 * @param submitted accepted by a tier-1 pool
 * @param allocated first allocated to a server
 * @param running first reported running
 * @param ended reached COMPLETED, FAILED or CANCELLED
 */
public record TaskTiming(
    long id, String state, long submitted, long allocated, long running, long ended) {}
