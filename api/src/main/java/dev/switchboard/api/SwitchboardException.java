package dev.switchboard.api;

import jakarta.ejb.ApplicationException;

/**
 * A request Switchboard will not carry out as asked, for a reason the caller can act on: the input
 * breaks a rule ({@link InvalidInputException}), it names nothing that exists ({@link
 * UnknownNameException}), or the current state forbids it ({@link ConflictException}). The
 * boundaries throw these instead of {@code IllegalArgumentException}s, so the container hands them
 * to the caller as they are, never wrapped in an {@code EJBException}, and rolls the transaction
 * back; the web tier maps each type once (to 400, 404, 409). Serializable for remote callers: the
 * message and the field are strings, and no stack trace is taken, since the frames would be the
 * server's.
 */
@ApplicationException(rollback = true)
public abstract sealed class SwitchboardException extends RuntimeException
    permits InvalidInputException, UnknownNameException, ConflictException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the request field at fault, or null if no one field is
   * @param message what is wrong, in words the caller can act on
   */
  protected SwitchboardException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault ({@code slots}, {@code tasks[3].user}, {@code id}), or null. */
  public String field() {
    return field;
  }

  /**
   * No stack trace is taken: the exception travels to clients, the frames would be the server's.
   */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
