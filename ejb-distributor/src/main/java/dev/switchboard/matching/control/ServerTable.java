package dev.switchboard.matching.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The servers of the index, by name and by installed application, so that a decision looks only at
 * servers that have the task's application. Not thread-safe: its owner serialises writes and
 * decisions.
 */
public final class ServerTable {

  private final Map<String, ServerEntry> byName = new ConcurrentHashMap<>();
  private final Map<String, List<ServerEntry>> byApplication = new HashMap<>();

  /** Adds a server, or replaces its attributes keeping its load. */
  public ServerEntry put(ServerSnapshot snapshot, int load) {
    ServerEntry old = byName.get(snapshot.name());
    ServerEntry fresh = old == null ? new ServerEntry(snapshot, load) : old.withSnapshot(snapshot);
    byName.put(snapshot.name(), fresh);
    if (old != null) {
      old.snapshot().applications().forEach(app -> byApplication.get(app).remove(old));
    }
    snapshot
        .applications()
        .forEach(app -> byApplication.computeIfAbsent(app, a -> new ArrayList<>()).add(fresh));
    return fresh;
  }

  public ServerEntry get(String name) {
    return byName.get(name);
  }

  /** The servers that have the application installed, in a stable order. */
  public List<ServerEntry> withApplication(String application) {
    return byApplication.getOrDefault(application, List.of());
  }

  public Collection<ServerEntry> all() {
    return byName.values();
  }

  public int size() {
    return byName.size();
  }

  /** Every application installed on at least one server. */
  public Set<String> applications() {
    return Set.copyOf(byApplication.keySet());
  }
}
