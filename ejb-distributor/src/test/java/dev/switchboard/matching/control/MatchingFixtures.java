package dev.switchboard.matching.control;

import dev.switchboard.server.entity.ServerState;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** The matching component's beans as the tests of other components are wired with them. */
public final class MatchingFixtures {

  private MatchingFixtures() {}

  /** An empty index whose reservations and releases follow {@code transactions}. */
  public static ServerIndex index(TransactionSynchronizationRegistry transactions) {
    return index(null, transactions);
  }

  /** An index over {@code em}, which {@link ServerIndex#load} reads at start. */
  public static ServerIndex index(
      EntityManager em, TransactionSynchronizationRegistry transactions) {
    ServerIndex index = new ServerIndex();
    index.em = em;
    index.transactions = transactions;
    index.facts = new ServerFacts();
    return index;
  }

  /** Loads the index from the database as it does at start. */
  public static void load(ServerIndex index) {
    index.load();
  }

  /** An UP server of tier2-a with sha256, idle power measured at {@code measured}. */
  public static ServerSnapshot server(String name, int slots, Instant measured) {
    return new ServerSnapshot(
        name, "tier2-a", ServerState.UP, slots, Set.of("sha256"), 100, 50, measured, "z", Map.of());
  }
}
