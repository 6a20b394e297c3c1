package dev.switchboard.matching.boundary;

import dev.switchboard.api.Batches;
import dev.switchboard.api.DistributorView;
import dev.switchboard.directory.boundary.DistributorDirectory;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.tier1.control.TaskForwarding;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends waiting tasks back to tier 2 when something changed that may let them run: capacity was
 * freed or a server registered or changed its attributes. Highest user priority first, then oldest.
 */
@Stateless
public class PendingTasks {

  /**
   * A task sent back to matching is not sent again until the matcher has taken it, or for this
   * long: when many slots free at once, each completion used to send the same highest-priority
   * waiting tasks again while the first sending was still queued, and under overload these
   * duplicates competed for the same rows (measured: lock time-outs on SB_TASK, a backlog that grew
   * instead of draining).
   */
  static final Duration RESEND_AFTER = Duration.ofSeconds(10);

  static final int LOOK_AHEAD = 4;

  private static final int FORGET_ABOVE = 1_000;

  /** Task id → when it was last sent back to matching; this JVM's tier 2 is the only one. */
  private static final Map<Long, Instant> SENT = new ConcurrentHashMap<>();

  @PersistenceContext EntityManager em;

  @EJB DistributorDirectory directory;

  @Inject TaskForwarding forwarding;

  /**
   * @param max most tasks to send in this one message
   * @return how many were sent
   */
  public int rematch(int max) {
    int wanted = Math.min(max, Batches.MAX_ITEMS);
    Instant now = Instant.now();
    forgetOlderThan(now.minus(RESEND_AFTER));
    List<Long> pending =
        em
            .createNamedQuery(Task.WAITING_BY_PRIORITY, Long.class)
            .setParameter("state", TaskState.PENDING)
            .setParameter("now", now)
            .setMaxResults(Math.min(Batches.MAX_ITEMS, wanted * LOOK_AHEAD + SENT.size()))
            .getResultList()
            .stream()
            .filter(id -> !SENT.containsKey(id))
            .limit(wanted)
            .toList();
    DistributorView tier2 = directory.chooseTier2().chosen();
    if (pending.isEmpty() || tier2 == null) {
      return 0;
    }
    forwarding.forward(tier2.destination(), pending);
    pending.forEach(id -> SENT.put(id, now));
    return pending.size();
  }

  /**
   * The matcher took these tasks: they may be sent again (a task still waiting should not wait out
   * the window, e.g. when the server it needs comes back a moment later).
   */
  static void matched(List<Long> taskIds) {
    if (!SENT.isEmpty()) {
      taskIds.forEach(SENT::remove);
    }
  }

  private static void forgetOlderThan(Instant limit) {
    if (SENT.size() > FORGET_ABOVE) {
      SENT.values().removeIf(sent -> sent.isBefore(limit));
    }
  }
}
