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
 * servers that have the task's application. Decisions read it without a lock: the lists by
 * application are never changed, a change of a server publishes new ones (copy on write, only for
 * that server's applications), so a decision sees either the old or the new list, whole. Writes are
 * serialised here.
 */
public final class ServerTable {

  private final Map<String, ServerEntry> byName = new ConcurrentHashMap<>();
  private volatile Map<String, List<ServerEntry>> byApplication = Map.of();

  /**
   * Adds a server, or replaces its attributes keeping its load. A server that keeps an application
   * keeps its place in that application's list, so that the rotation over it carries on.
   */
  public synchronized ServerEntry put(ServerSnapshot snapshot, int load) {
    ServerEntry old = byName.get(snapshot.name());
    ServerEntry fresh = old == null ? new ServerEntry(snapshot, load) : old.withSnapshot(snapshot);
    Map<String, List<ServerEntry>> next = new HashMap<>(byApplication);
    if (old != null) {
      for (String app : old.snapshot().applications()) {
        List<ServerEntry> servers = new ArrayList<>(next.get(app));
        int at = servers.indexOf(old);
        if (snapshot.applications().contains(app)) {
          servers.set(at, fresh);
        } else {
          servers.remove(at);
        }
        next.put(app, List.copyOf(servers));
      }
    }
    for (String app : snapshot.applications()) {
      if (old == null || !old.snapshot().applications().contains(app)) {
        List<ServerEntry> servers = new ArrayList<>(next.getOrDefault(app, List.of()));
        servers.add(fresh);
        next.put(app, List.copyOf(servers));
      }
    }
    byName.put(snapshot.name(), fresh);
    byApplication = next;
    return fresh;
  }

  public ServerEntry get(String name) {
    return byName.get(name);
  }

  /** The servers that have the application installed, in a stable order; never changes. */
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
