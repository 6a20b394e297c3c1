package dev.switchboard.registry.control;

import dev.switchboard.matching.control.PendingTasks;
import dev.switchboard.matching.control.ServerIndex;
import dev.switchboard.messaging.control.TransactionEnd;
import dev.switchboard.server.control.ServerLoads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies the servers' load from the {@link ServerIndex}, which counts it, to the servers' rows,
 * every {@value #SECONDS} seconds and only for the servers whose load changed since; gives back the
 * slots of allocations whose transaction never ended (see {@link ServerIndex#releaseAbandoned});
 * reconciles the index's loads with the tasks the database has on the servers (see {@link
 * ServerIndex#reconcile}); and now and then sends waiting tasks to matching while slots are free.
 * Allocations and completions thus write no server row: under load they used to lock hundreds of
 * server rows per transaction, and two such transactions deadlocked. A record that fails is tried
 * again at the next tick.
 */
@Singleton
@Startup
@DependsOn("ServerIndex")
public class LoadRecorder {

  static final int SECONDS = 5;

  /**
   * Every this many ticks (and at the first), waiting tasks are sent to matching if any server has
   * a free slot: a safety net for a trigger that never came, e.g. after a restart, when no task is
   * left running to free a slot.
   */
  static final int NUDGE_EVERY = 6;

  static final int NUDGE_MAX = 100;

  /** Every this many ticks the index's loads are reconciled with the database's tasks. */
  static final int RECONCILE_EVERY = 3;

  private long ticks;

  /** How long an allocation's transaction may stay open before its slots are given back. */
  static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

  private static final Logger LOG = Logger.getLogger(LoadRecorder.class.getName());

  @PersistenceContext EntityManager em;

  @EJB ServerIndex index;

  @EJB PendingTasks pending;

  @Resource TimerService timers;

  @Resource TransactionSynchronizationRegistry transactions;

  @Resource SessionContext context;

  /** What the rows hold, as far as this recorder knows; empty at start, so all are written. */
  private final Map<String, Integer> recorded = new HashMap<>();

  @PostConstruct
  void schedule() {
    timers.createCalendarTimer(
        new ScheduleExpression().hour("*").minute("*").second("*/" + SECONDS),
        new TimerConfig("server load record", false));
  }

  @Timeout
  void tick() {
    int abandoned = index.releaseAbandoned(ABANDONED_AFTER, Instant.now());
    if (abandoned > 0) {
      LOG.log(
          Level.WARNING,
          "Gave back {0} slots of allocations whose transaction never ended (after {1} s)",
          new Object[] {abandoned, ABANDONED_AFTER.toSeconds()});
    }
    int lost = ticks % RECONCILE_EVERY == 0 ? index.reconcile() : 0;
    if (lost > 0) {
      LOG.log(
          Level.WARNING,
          "Gave back {0} slots of ended tasks the index still counted (a commit reported failed"
              + " that the database kept)",
          lost);
    }
    if (abandoned > 0 || lost > 0 || ++ticks % NUDGE_EVERY == 1) {
      int free = index.capacityByTier2().values().stream().mapToInt(c -> c[1]).sum();
      if (free > 0) {
        pending.rematch(Math.min(free, NUDGE_MAX));
      }
    }
    record();
  }

  private void record() {
    Map<String, Integer> changed = new HashMap<>();
    Map<String, Integer> known;
    synchronized (recorded) {
      known = Map.copyOf(recorded);
    }
    index
        .loads()
        .forEach(
            (server, load) -> {
              if (!load.equals(known.get(server))) {
                changed.put(server, load);
              }
            });
    if (changed.isEmpty()) {
      return;
    }
    try {
      new ServerLoads(em).record(changed);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Server loads not recorded this time; the next tick tries again", e);
      context.setRollbackOnly();
      return;
    }
    TransactionEnd.then(
        transactions,
        committed -> {
          if (committed) {
            synchronized (recorded) {
              recorded.putAll(changed);
            }
          }
        });
  }
}
