package dev.switchboard.matching.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the rest of the server asks of the index on every submission and status batch (the
 * applications some server has, the node each server registered from), kept as ready answers: the
 * set of applications is copied once per change of a server, not once per question. The index
 * writes here whenever it takes a server in.
 */
@ApplicationScoped
public class ServerFacts {

  private volatile Set<String> applications = Set.of();

  private final Map<String, String> nodes = new ConcurrentHashMap<>();

  /** The index took this server in; {@code applications} is every application it now knows. */
  public void learned(ServerSnapshot server, Set<String> applications) {
    this.applications = Set.copyOf(applications);
    nodes.put(server.name(), server.node() == null ? "" : server.node());
  }

  /** Every application installed on at least one server the index knows. */
  public Set<String> applications() {
    return applications;
  }

  /**
   * The nodes the given servers registered from.
   *
   * @return server name → node, an empty string if its registrations named none; servers the index
   *     does not know are left out
   */
  public Map<String, String> nodesOf(Collection<String> servers) {
    Map<String, String> found = new HashMap<>();
    for (String server : servers) {
      String node = nodes.get(server);
      if (node != null) {
        found.put(server, node);
      }
    }
    return found;
  }
}
