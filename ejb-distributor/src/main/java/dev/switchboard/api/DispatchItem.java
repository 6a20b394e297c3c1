package dev.switchboard.api;

/**
 * One task as a fulfillment server needs it to run: no database access is required.
 *
 * @param taskId the task's id
 * @param application the application to run
 * @param input the application's input
 */
public record DispatchItem(long taskId, String application, String input) {}
