package dev.switchboard.api;

import java.util.List;

/**
 * The body of a message from a tier-2 distributor to one fulfillment server: tasks allocated to it.
 *
 * @param server the fulfillment server that runs them
 * @param tasks one or more tasks
 */
public record DispatchBatch(String server, List<DispatchItem> tasks) {

  public DispatchBatch {
    if (server == null || server.isBlank()) {
      throw new MalformedMessageException("a dispatch batch needs a server");
    }
    tasks = Batches.nonEmpty(tasks, "a dispatch batch needs one or more tasks");
  }
}
