package dev.switchboard.api;

import jakarta.ejb.Local;

/** An operator's "refresh attributes now" for the fulfillment servers of this node. */
@Local
public interface ServerRefresh {

  /**
   * Has the server measure and send its attributes at once.
   *
   * @return false if the server is not one of this node's
   */
  boolean refresh(String server);
}
