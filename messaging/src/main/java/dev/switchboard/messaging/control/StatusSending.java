package dev.switchboard.messaging.control;

import dev.switchboard.messaging.StatusBatch;

/** A fulfillment node reports the outcomes of a dispatched batch to tier 2. */
public interface StatusSending {

  /** Sends the batch, in the caller's transaction if there is one. */
  void send(StatusBatch batch);
}
