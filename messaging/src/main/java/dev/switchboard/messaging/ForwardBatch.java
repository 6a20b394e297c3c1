package dev.switchboard.messaging;

import dev.switchboard.api.Batches;
import java.util.List;

/**
 * The body of a message from tier 1 to a tier-2 distributor: the ids of the tasks to match. The
 * tasks themselves are already persisted; tier 2 loads them by id in one query.
 *
 * @param taskIds one or more task ids
 */
public record ForwardBatch(List<Long> taskIds) {

  public ForwardBatch {
    taskIds = Batches.nonEmpty(taskIds, "a forward batch needs one or more task ids");
  }
}
