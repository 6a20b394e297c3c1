package dev.switchboard.api;

import jakarta.ejb.ApplicationException;

/**
 * A task request broke one of the {@link TaskRules}: nothing was persisted. It names the field at
 * fault ({@code slots}, or {@code tasks[3].user} in a batch) and says what is wrong in words a
 * client can act on. An application exception, so a remote or local caller receives it as it is,
 * not wrapped; it carries no stack trace, since a client has no use for the server's frames.
 */
@ApplicationException(rollback = true)
public class InvalidTaskException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the field at fault, or null if the request as a whole is wrong
   * @param message what is wrong, naming the field
   */
  public InvalidTaskException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * The field at fault, e.g. {@code slots} or {@code tasks[3].user}; null for the whole request.
   */
  public String field() {
    return field;
  }

  /** The same error about the task at {@code index} of a batch: {@code tasks[3].user}. */
  public InvalidTaskException inBatchAt(int index) {
    String task = "tasks[" + index + "]";
    return new InvalidTaskException(
        field == null ? task : task + "." + field, "in " + task + ": " + getMessage());
  }

  /**
   * No stack trace is taken: the exception travels to clients, the frames would be the server's.
   */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
