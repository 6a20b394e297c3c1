package dev.switchboard.messaging;

import dev.switchboard.api.Batches;
import dev.switchboard.api.Destinations;
import dev.switchboard.api.MalformedMessageException;
import java.util.List;

/**
 * The body of a message from a tier-2 distributor to one fulfillment node: tasks allocated to its
 * servers. A node runs many servers (1,000 simulated ones in the benchmark), so one message per
 * node rather than per server keeps a batch of tasks a batch all the way to fulfillment.
 *
 * @param server the server of the first task; every server of a batch is on the same node, and
 *     nodes select their messages by this name (see {@link Destinations#WORKER_SERVERS})
 * @param tasks one or more tasks, each naming its server
 */
public record DispatchBatch(String server, List<DispatchItem> tasks) {

  public DispatchBatch {
    if (server == null || server.isBlank()) {
      throw new MalformedMessageException("a dispatch batch needs a server");
    }
    tasks = Batches.nonEmpty(tasks, "a dispatch batch needs one or more tasks");
  }

  /** The batch of tasks for one node, routed by its first task's server. */
  public static DispatchBatch forNode(List<DispatchItem> tasks) {
    if (tasks == null || tasks.isEmpty()) {
      throw new MalformedMessageException("a dispatch batch needs one or more tasks");
    }
    return new DispatchBatch(tasks.get(0).server(), tasks);
  }

  /** The server that runs an item of this batch. */
  public String serverOf(DispatchItem item) {
    return item.server() == null || item.server().isBlank() ? server : item.server();
  }

  /** The node that runs a server's tasks: worker nodes run the servers named worker-*. */
  public static String nodeOf(String server) {
    return server.startsWith(Destinations.WORKER_SERVERS) ? "worker" : "main";
  }
}
