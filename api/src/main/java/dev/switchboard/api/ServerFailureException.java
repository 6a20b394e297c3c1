package dev.switchboard.api;

import jakarta.ejb.ApplicationException;

/**
 * The server failed while serving a remote call, for a reason the client cannot act on (a database
 * or broker error, a bug). It carries only an id to find in the server log, which has the original
 * failure: no cause, no stack trace, nothing of the server's internals. An application exception,
 * so the container hands it to the client as it is, without wrapping it in an exception with the
 * server's frames, and rolls back the call's transaction. For {@link PoolSearch} a pool that throws
 * it is a failing pool: the next one is tried.
 */
@ApplicationException(rollback = true)
public class ServerFailureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String id;

  /**
   * @param id the id under which the server logged the original failure
   */
  public ServerFailureException(String id) {
    super("internal error " + id + "; see the server log", null, false, false);
    this.id = id;
  }

  /** The id under which the server logged the original failure. */
  public String id() {
    return id;
  }
}
