package dev.switchboard.messaging.control;

import dev.switchboard.messaging.DispatchBatch;

/** Hands allocated tasks to the fulfillment server that will run them. */
public interface TaskDispatch {

  /** Sends one batch to its server's dispatch destination, in the caller's transaction. */
  void dispatch(DispatchBatch batch);
}
