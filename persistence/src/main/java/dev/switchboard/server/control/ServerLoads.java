package dev.switchboard.server.control;

import dev.switchboard.server.entity.FulfillmentServer;
import jakarta.persistence.EntityManager;

/**
 * Writes fulfillment servers' load to their rows with one update each, without loading the
 * entities, so that concurrent allocations and completions do not collide on a version. The
 * matcher's in-memory index is the authority while the server runs; the rows are its record.
 */
public final class ServerLoads {

  private final EntityManager em;

  public ServerLoads(EntityManager em) {
    this.em = em;
  }

  /** Adds slots to a server's load (negative to free them); never below zero. */
  public void add(String server, int slots) {
    em.createNamedQuery(FulfillmentServer.ADD_LOAD)
        .setParameter("n", slots)
        .setParameter("name", server)
        .executeUpdate();
  }

  /** Sets a server's load to zero, e.g. when it is lost. */
  public void clear(String server) {
    em.createNamedQuery(FulfillmentServer.CLEAR_LOAD).setParameter("name", server).executeUpdate();
  }
}
