package dev.switchboard.server.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes fulfillment servers' load to their rows without loading the entities. The matcher's
 * in-memory index is the authority while the server runs; the rows are its record, written now and
 * then. The updates are SQL of their own rather than JPQL because EclipseLink's bulk JPQL update
 * also bumps the row's version, which would fail a concurrent registration update of the same
 * server with an optimistic-lock error. Rows are taken in name order, as registrations take them.
 */
public final class ServerLoads {

  /** Servers per statement: keeps the parameter count well inside every database's limit. */
  static final int CHUNK = 200;

  private final EntityManager em;

  public ServerLoads(EntityManager em) {
    this.em = em;
  }

  /** Records each server's load. */
  public void record(Map<String, Integer> loadByServer) {
    List<Map.Entry<String, Integer>> rows = new ArrayList<>(new TreeMap<>(loadByServer).entrySet());
    for (int from = 0; from < rows.size(); from += CHUNK) {
      update(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
    }
  }

  private void update(List<Map.Entry<String, Integer>> rows) {
    StringBuilder sql = new StringBuilder("UPDATE SB_SERVER SET CURRENTLOAD = CASE NAME");
    rows.forEach(row -> sql.append(" WHEN ? THEN ?"));
    sql.append(" ELSE CURRENTLOAD END WHERE NAME IN (");
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "?" : ",?");
    }
    Query update = em.createNativeQuery(sql.append(')').toString());
    int p = 1;
    for (Map.Entry<String, Integer> row : rows) {
      update.setParameter(p++, row.getKey());
      update.setParameter(p++, Math.max(0, row.getValue()));
    }
    for (Map.Entry<String, Integer> row : rows) {
      update.setParameter(p++, row.getKey());
    }
    update.executeUpdate();
  }

  /** Sets a server's load to zero, e.g. when it is lost. */
  public void clear(String server) {
    record(Map.of(server, 0));
  }
}
