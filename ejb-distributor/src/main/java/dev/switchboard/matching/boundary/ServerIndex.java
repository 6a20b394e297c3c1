package dev.switchboard.matching.boundary;

import dev.switchboard.matching.control.ServerChoice;
import dev.switchboard.matching.control.ServerSnapshot;
import dev.switchboard.server.entity.FulfillmentServer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The matcher's in-memory index of fulfillment server attributes, built from the database at start
 * and updated on every registration and every change of load, so that a matching decision reads no
 * database row. Slots are reserved here under a lock; a reservation whose transaction rolls back is
 * given back, and a slot is freed only once the transaction reporting the end commits.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class ServerIndex {

  private static final Logger LOG = Logger.getLogger(ServerIndex.class.getName());

  @PersistenceContext EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<String, ServerSnapshot> servers = new ConcurrentHashMap<>();

  @PostConstruct
  void load() {
    em.createNamedQuery(FulfillmentServer.ALL, FulfillmentServer.class)
        .getResultList()
        .forEach(s -> servers.put(s.getName(), ServerSnapshot.of(s)));
    LOG.info(() -> "Server index loaded " + servers.size() + " servers");
  }

  /**
   * Puts a server's current attributes into the index (registration, attribute update). The load
   * the index counts is kept: it is ahead of the database while allocations commit.
   */
  @Lock(LockType.WRITE)
  public void put(ServerSnapshot snapshot) {
    servers.merge(snapshot.name(), snapshot, (old, fresh) -> fresh.withLoad(old.load()));
  }

  public Collection<ServerSnapshot> all() {
    return List.copyOf(servers.values());
  }

  /**
   * Chooses a server for the application and reserves one of its slots; given back if the caller's
   * transaction rolls back.
   */
  @Lock(LockType.WRITE)
  public Optional<ServerSnapshot> reserve(String application) {
    Optional<ServerSnapshot> chosen = ServerChoice.best(servers.values(), application);
    chosen.ifPresent(
        s -> {
          adjust(s.name(), 1);
          afterCompletion(
              committed -> {
                if (!committed) {
                  adjust(s.name(), -1);
                }
              });
        });
    return chosen;
  }

  /** Frees a slot of the server once the caller's transaction commits. */
  public void releaseOnCommit(String server) {
    afterCompletion(
        committed -> {
          if (committed) {
            adjust(server, -1);
          }
        });
  }

  /** Changes a server's counted load; atomic per server, so callbacks need no container lock. */
  public void adjust(String server, int delta) {
    servers.computeIfPresent(server, (name, s) -> s.withLoad(s.load() + delta));
  }

  private void afterCompletion(Consumer<Boolean> action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            action.accept(status == Status.STATUS_COMMITTED);
          }
        });
  }
}
