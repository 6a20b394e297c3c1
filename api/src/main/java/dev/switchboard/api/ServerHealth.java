package dev.switchboard.api;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.util.List;

/**
 * What this server needs to take tasks, each asked afresh: its broker connections (the tier-2
 * broadcasts reach tier 1), its database (a pooled connection answers) and its schema (no migration
 * pending). MicroProfile Health's readiness and liveness checks and {@code GET /api/health} all ask
 * it, so they never disagree.
 */
@Local
public interface ServerHealth {

  /** The check of the broker connections; a restart is its remedy. */
  String BROKER = "broker";

  /** The check of the database. */
  String DATABASE = "database";

  /** The check of the schema's version. */
  String SCHEMA = "schema";

  /** Every check, in this order: broker, database, schema. */
  List<Check> checks();

  /** The broker check alone (liveness: a restart is what mends it). */
  Check broker();

  /**
   * One check's outcome.
   *
   * @param name {@link #BROKER}, {@link #DATABASE} or {@link #SCHEMA}
   * @param problem what is wrong and what to do, or null when the check passed
   */
  record Check(String name, String problem) implements Serializable {

    public boolean up() {
      return problem == null;
    }
  }
}
