package dev.switchboard.cli;

/**
 * What the CLI shows of a task.
 *
 * @param id the task's id
 * @param state its state
 * @param server the server it was allocated to, or null
 * @param result its result, or why it failed or waits
 */
record TaskStatus(long id, String state, String server, String result) {

  boolean isFinal() {
    return state.equals("COMPLETED") || state.equals("FAILED") || state.equals("CANCELLED");
  }
}
