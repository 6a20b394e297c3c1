package dev.switchboard.api;

import jakarta.ejb.ApplicationException;

/**
 * The request is well formed and names what exists, but the current state forbids it: cancelling a
 * task that has ended, creating an account whose name is taken.
 */
@ApplicationException(rollback = true)
public final class ConflictException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  /**
   * @param field the field whose value conflicts, e.g. {@code id}, or null
   * @param message what the state is and why it forbids the request
   */
  public ConflictException(String field, String message) {
    super(field, message);
  }
}
