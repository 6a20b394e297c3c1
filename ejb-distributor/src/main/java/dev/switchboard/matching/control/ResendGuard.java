package dev.switchboard.matching.control;

import dev.switchboard.messaging.control.TransactionEnd;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What keeps a re-match from sending the same waiting tasks back to matching again and again (see
 * PendingTasks): which tasks were sent back, and when, and which ones matching found that no server
 * takes even with free slots. It follows what the transactions kept, not what they tried. One per
 * application: this JVM's tier 2 is the only one that sends its waiting tasks back.
 */
@ApplicationScoped
public class ResendGuard {

  private static final int FORGET_ABOVE = 1_000;

  /** Task id → when it was last sent back to matching. */
  private final RecentIds sent = new RecentIds(FORGET_ABOVE);

  /**
   * Task id → when matching last found that no server takes it even with free slots. A freed slot
   * does not send such a task back within the re-send window (PendingTasks.RESEND_AFTER): being the
   * oldest it would come back first every time and take the turn of the tasks that fit. A server
   * change sends it back.
   */
  private final RecentIds parked = new RecentIds(FORGET_ABOVE);

  private final Clock clock;

  public ResendGuard() {
    this(Clock.systemUTC());
  }

  ResendGuard(Clock clock) {
    this.clock = clock;
  }

  /** Forgets the tasks sent or parked before {@code limit}, once it remembers many. */
  public void forgetBefore(Instant limit) {
    sent.forgetBefore(limit);
    parked.forgetBefore(limit);
  }

  /** How many tasks it remembers, sent or parked: a re-match reads that many more candidates. */
  public int remembered() {
    return sent.size() + parked.size();
  }

  /** Whether the task may be sent back: it was neither sent nor parked after {@code since}. */
  public boolean maySend(Long taskId, Instant since) {
    return !sent.seenSince(taskId, since) && !parked.seenSince(taskId, since);
  }

  /** A server registered or changed: the tasks that fitted nowhere may fit now. */
  public void serverChanged() {
    parked.clear();
  }

  /**
   * Remembers tasks as sent back to matching at {@code at}, in the current transaction: if it rolls
   * back, nothing was sent and they are forgotten.
   */
  public void sent(
      TransactionSynchronizationRegistry transactions, List<Long> taskIds, Instant at) {
    taskIds.forEach(id -> sent.put(id, at));
    TransactionEnd.then(
        transactions,
        committed -> {
          if (!committed) {
            sent.removeAll(taskIds);
          }
        });
  }

  /**
   * The matcher took these tasks: once its transaction has committed they may be sent again (a task
   * still waiting should not wait out the window, e.g. when the server it needs comes back a moment
   * later). Not before the commit: until then the tasks still read PENDING, and a re-match that
   * sent them again while they were being matched had two transactions match the same tasks at once
   * (measured under overload: dozens of matching batches rolled back on optimistic-lock failures,
   * each redelivered whole). After a rollback the batch comes back, so the tasks stay remembered.
   *
   * @param fitsNowhere those of the tasks that no server takes even with free slots, parked
   */
  public void matched(
      TransactionSynchronizationRegistry transactions, List<Long> taskIds, List<Long> fitsNowhere) {
    Instant now = Instant.now(clock);
    TransactionEnd.then(
        transactions,
        committed -> {
          if (!committed) {
            return;
          }
          sent.removeAll(taskIds);
          parked.removeAll(taskIds);
          fitsNowhere.forEach(id -> parked.put(id, now));
        });
  }
}
