package dev.switchboard.api;

import jakarta.ejb.ApplicationException;

/**
 * A name or id that names nothing: no task with that id, no account, distributor or fulfillment
 * server of that name. (Not called {@code NotFoundException}, which JAX-RS has already.)
 */
@ApplicationException(rollback = true)
public final class UnknownNameException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  /**
   * @param field the field that holds the name, e.g. {@code id} or {@code name}
   * @param message which name is unknown: {@code no task with id '7'}
   */
  public UnknownNameException(String field, String message) {
    super(field, message);
  }
}
