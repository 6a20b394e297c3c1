package dev.switchboard.matching.control;

import dev.switchboard.api.Batches;
import dev.switchboard.api.DistributorView;
import dev.switchboard.directory.boundary.DistributorDirectory;
import dev.switchboard.messaging.control.TaskForwarding;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.task.entity.Tier;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends waiting tasks back to tier 2 when something changed that may let them run: capacity was
 * freed or a server registered or changed its attributes. Highest user priority first, then oldest;
 * the {@link ResendGuard} keeps it from sending the same tasks again while they are on their way.
 */
@Stateless
public class PendingTasks {

  /**
   * A task sent back to matching is not sent again until the matcher has taken it, or for this
   * long: when many slots free at once, each completion used to send the same highest-priority
   * waiting tasks again while the first sending was still queued, and under overload these
   * duplicates competed for the same rows (measured: lock time-outs on SB_TASK, a backlog that grew
   * instead of draining). Longer than a full tier-2 queue takes to drain (10,000 tasks at 1,000 a
   * second): with a window of 10 s a re-match could send again tasks still queued behind it. Only a
   * sending that never reaches the matcher (a parked message) waits it out.
   */
  static final Duration RESEND_AFTER = Duration.ofMinutes(2);

  static final int LOOK_AHEAD = 4;

  @PersistenceContext EntityManager em;

  @EJB DistributorDirectory directory;

  @EJB ServerIndex index;

  @Inject TaskForwarding forwarding;

  @Inject ResendGuard resends;

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * @param max most tasks to send in this one message
   * @return how many were sent
   */
  public int rematch(int max) {
    int wanted = Math.min(max, Batches.MAX_ITEMS);
    Instant now = Instant.now();
    resends.forgetBefore(now.minus(RESEND_AFTER));
    List<Long> pending =
        em
            .createNamedQuery(Task.WAITING_BY_PRIORITY, Long.class)
            .setParameter("state", TaskState.PENDING)
            .setParameter("now", now)
            .setMaxResults(Math.min(Batches.MAX_ITEMS, wanted * LOOK_AHEAD + resends.remembered()))
            .getResultList()
            .stream()
            .filter(id -> resends.maySend(id, now.minus(RESEND_AFTER)))
            .limit(wanted)
            .toList();
    return !pending.isEmpty() && send(pending, Duration.ZERO, now) ? pending.size() : 0;
  }

  /**
   * After a server registered or changed: the tasks that fitted nowhere may fit now, so they are
   * sent back like the others.
   *
   * @param max most tasks to send in this one message
   * @return how many were sent
   */
  public int rematchAfterServerChange(int max) {
    resends.serverChanged();
    return rematch(max);
  }

  /**
   * Sends one task back to matching after a delay (a retry), and remembers it like a re-match, so
   * that no re-match sends it again while its delayed message waits behind a backlog.
   *
   * @return false if no tier-2 distributor can take it now (a later re-match will)
   */
  public boolean sendLater(Long taskId, Duration delay) {
    return send(List.of(taskId), delay, Instant.now().plus(delay));
  }

  /**
   * Forwards tasks to the first tier-2 distributor that can take them back, after {@code delay},
   * and remembers them as sent at {@code at}, forgetting them if the sending rolls back.
   *
   * @return false if no tier-2 distributor can take them now
   */
  private boolean send(List<Long> taskIds, Duration delay, Instant at) {
    DistributorView tier2 = directory.requeueTarget();
    if (tier2 == null) {
      return false;
    }
    forwarding.forward(tier2.destination(), taskIds, delay);
    resends.sent(transactions, taskIds, at);
    return true;
  }

  /**
   * Takes a task off its server as a new attempt, PENDING for matching: a report about the old
   * attempt changes nothing any more. Its slots are given back once the caller's transaction
   * commits.
   */
  public void requeue(Task task, Instant now, String reason) {
    index.releaseOnCommit(task.getServer(), task.getSlots(), task.getUser());
    task.nextAttempt(null);
    task.moveTo(TaskState.PENDING, now, Tier.TIER2, task.getTier2Distributor(), reason);
  }
}
