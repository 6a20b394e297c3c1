package dev.switchboard.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the batches being matched in this JVM now, over every tier-2 distributor it runs. A
 * message being consumed is no longer on its queue, so an empty queue alone does not mean that no
 * forwarded task is on its way (see StrandedTasks).
 */
@ApplicationScoped
public class MatchingInFlight {

  private final AtomicInteger batches = new AtomicInteger();

  /** A batch is being matched; call {@link #ended} once it is done, however it ends. */
  public void started() {
    batches.incrementAndGet();
  }

  public void ended() {
    batches.decrementAndGet();
  }

  /** Whether any batch is being matched in this JVM now. */
  public boolean matching() {
    return batches.get() > 0;
  }
}
