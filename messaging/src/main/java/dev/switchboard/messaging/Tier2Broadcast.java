package dev.switchboard.messaging;

import dev.switchboard.api.Batches;
import dev.switchboard.api.Tier2Status;
import java.util.List;

/**
 * The body of a message on the tier-2 status topic: the attributes of the tier-2 distributors of
 * one server.
 *
 * @param statuses one or more distributors' attributes
 */
public record Tier2Broadcast(List<Tier2Status> statuses) {

  public Tier2Broadcast {
    statuses = Batches.nonEmpty(statuses, "a tier-2 broadcast needs one or more statuses");
  }
}
