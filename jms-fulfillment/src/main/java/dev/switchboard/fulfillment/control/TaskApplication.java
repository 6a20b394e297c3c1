package dev.switchboard.fulfillment.control;

/**
 * The SPI of an application a fulfillment server can run. An implementation is a CDI bean; the
 * servers of a node advertise the names of the applications they have.
 */
public interface TaskApplication {

  /** The name tasks use to ask for this application, e.g. {@code sha256}. */
  String name();

  /** What the input must be, for people and for error messages. */
  String inputs();

  /**
   * Runs the application on a task's input.
   *
   * @return the result recorded on the task
   * @throws IllegalArgumentException if the input is not valid for this application; the task fails
   *     with that message
   */
  String run(String input);

  /**
   * Runs the application on a task's input, knowing which run this is. The fulfillment beans call
   * this one; an application that does not care which run it is (most do not) implements only
   * {@link #run(String)}.
   *
   * @param run the task, attempt, server and node of this run
   * @return the result recorded on the task
   * @throws IllegalArgumentException if the input is not valid for this application; the task fails
   *     with that message
   */
  default String run(String input, RunContext run) {
    return run(input);
  }
}
