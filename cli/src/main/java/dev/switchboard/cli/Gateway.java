package dev.switchboard.cli;

import dev.switchboard.api.TaskReceipt;
import dev.switchboard.api.TaskRequest;
import java.util.List;

/** How the CLI reaches Switchboard: remote EJB or REST. */
interface Gateway extends AutoCloseable {

  /**
   * @throws Unavailable if no server or pool took the task
   * @throws Rejected if Switchboard refused the request as invalid
   */
  TaskReceipt submit(TaskRequest request);

  /**
   * Submits many tasks at once: one pool accepts them all in one transaction.
   *
   * @return the ids given, in the order of the requests
   */
  List<Long> submitAll(List<TaskRequest> requests);

  /** The task's current status; null if there is no such task. */
  TaskStatus status(long id);

  /**
   * Why the matcher chose the task's server or why none fits, as the JSON object Switchboard keeps;
   * null if there is no such task.
   */
  String explanation(long id);

  @Override
  default void close() {}

  /** Nothing answered, or every pool refused. */
  final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  /** The chosen protocol cannot do the command; another can. */
  final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message);
    }
  }

  /** The request itself is wrong; retrying will not help. */
  final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String message) {
      super(message);
    }
  }
}
