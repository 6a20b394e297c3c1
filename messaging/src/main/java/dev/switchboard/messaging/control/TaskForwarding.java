package dev.switchboard.messaging.control;

import java.time.Duration;
import java.util.List;

/** Hands accepted tasks to a tier-2 distributor. */
public interface TaskForwarding {

  /**
   * Queues tasks for a tier-2 distributor as one message, in the caller's transaction.
   *
   * @param destination the JNDI name of the distributor's queue
   * @param taskIds ids of persisted tasks
   */
  void forward(String destination, List<Long> taskIds);

  /** The same, delivered no earlier than {@code delay} from now (a retry's backoff). */
  void forward(String destination, List<Long> taskIds, Duration delay);
}
