package dev.switchboard.fulfillment.control;

/**
 * Which run of which task an application is asked for: the same task runs again as a new attempt
 * when its server is lost, and the same attempt runs again when its dispatch is redelivered.
 *
 * @param taskId the task's id
 * @param attempt the attempt this run belongs to; its report names it
 * @param server the fulfillment server the task was allocated to
 * @param node the fulfillment node this runs on, as its reports name it (null if not known)
 */
public record RunContext(long taskId, int attempt, String server, String node) {}
