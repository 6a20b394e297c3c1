package dev.switchboard.messaging;

/**
 * One task as a fulfillment server needs it to run: no database access is required.
 *
 * @param taskId the task's id
 * @param attempt which run of the task this is; reported back with the outcome
 * @param application the application to run
 * @param input the application's input
 * @param timeoutSeconds longest the run may take
 * @param server the server that runs it; null in messages of versions that sent one message per
 *     server, where the batch names it
 */
public record DispatchItem(
    long taskId,
    int attempt,
    String application,
    String input,
    int timeoutSeconds,
    String server) {}
