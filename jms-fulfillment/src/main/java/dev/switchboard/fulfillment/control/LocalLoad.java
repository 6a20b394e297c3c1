package dev.switchboard.fulfillment.control;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What this node's servers are running now, and which of them have an event (a task started or
 * ended, an operator's refresh) that calls for an attribute update before the next period.
 */
public final class LocalLoad {

  private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
  private final Set<String> triggered = ConcurrentHashMap.newKeySet();

  public void started(String server) {
    running.computeIfAbsent(server, s -> new AtomicInteger()).incrementAndGet();
    triggered.add(server);
  }

  public void ended(String server) {
    AtomicInteger count = running.get(server);
    if (count != null) {
      count.updateAndGet(c -> Math.max(0, c - 1));
    }
    triggered.add(server);
  }

  public int running(String server) {
    AtomicInteger count = running.get(server);
    return count == null ? 0 : count.get();
  }

  public void trigger(String server) {
    triggered.add(server);
  }

  /** Whether an event asked for an update of the server; clears the request. */
  public boolean takeTrigger(String server) {
    return triggered.remove(server);
  }
}
