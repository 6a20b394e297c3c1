package dev.switchboard.api;

import jakarta.ejb.ApplicationException;

/**
 * The input breaks one of Switchboard's rules (a value out of range, a name of the wrong shape, the
 * last admin losing the role): nothing was changed. Names the field at fault where one is.
 */
@ApplicationException(rollback = true)
public non-sealed class InvalidInputException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  /**
   * @param field the field at fault, or null if the input as a whole is wrong
   * @param message what is wrong, naming the field
   */
  public InvalidInputException(String field, String message) {
    super(field, message);
  }
}
