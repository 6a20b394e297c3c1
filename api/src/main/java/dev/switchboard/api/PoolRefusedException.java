package dev.switchboard.api;

import jakarta.ejb.ApplicationException;

/** A tier-1 pool declined a task (disabled, draining, no tier-2 distributor up). */
@ApplicationException(rollback = true)
public class PoolRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  public PoolRefusedException(String reason) {
    super(reason);
  }
}
