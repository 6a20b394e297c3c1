package dev.switchboard.messaging.control;

import dev.switchboard.api.ServerUpdates;

/** A fulfillment node registers its servers and sends their attribute updates to tier 2. */
public interface RegistrationSending {

  /** Sends the batch, in the caller's transaction if there is one. */
  void send(ServerUpdates batch);
}
