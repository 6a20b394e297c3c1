package dev.switchboard.api;

import jakarta.ejb.ApplicationException;

/**
 * A task request broke one of the {@link TaskRules}: nothing was persisted. It names the field at
 * fault ({@code slots}, or {@code tasks[3].user} in a batch) and says what is wrong in words a
 * client can act on. An application exception, so a remote or local caller receives it as it is,
 * not wrapped; it carries no stack trace, since a client has no use for the server's frames.
 */
@ApplicationException(rollback = true)
public class InvalidTaskException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  /**
   * @param field the field at fault, or null if the request as a whole is wrong
   * @param message what is wrong, naming the field
   */
  public InvalidTaskException(String field, String message) {
    super(field, message);
  }

  /** The same error about the task at {@code index} of a batch: {@code tasks[3].user}. */
  public InvalidTaskException inBatchAt(int index) {
    String task = "tasks[" + index + "]";
    String field = field();
    return new InvalidTaskException(
        field == null ? task : task + "." + field, "in " + task + ": " + getMessage());
  }
}
