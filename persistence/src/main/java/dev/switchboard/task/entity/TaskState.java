package dev.switchboard.task.entity;

/** The life of a task, from the client's submission to its end. */
public enum TaskState {
  /** Accepted by a tier-1 pool, persisted and queued for a tier-2 distributor. */
  SUBMITTED,
  /** Taken by a tier-2 distributor for matching. */
  FORWARDED,
  /** No fulfillment server fits now; the explanation says why. Re-matched when capacity appears. */
  PENDING,
  /** A fulfillment server was chosen and the task sent to its dispatch destination. */
  ALLOCATED,
  /** The fulfillment server is running it. */
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** Whether nothing more will happen to a task in this state. */
  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
