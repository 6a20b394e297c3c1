package dev.switchboard.matching.control;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ids, each with the time it was last seen, safe to share between threads. Once it holds more than
 * its bound it forgets, when asked, the ids seen before a given time, so that it stays small
 * without a sweep of its own.
 */
final class RecentIds {

  private final Map<Long, Instant> seen = new ConcurrentHashMap<>();

  private final int forgetAbove;

  RecentIds(int forgetAbove) {
    this.forgetAbove = forgetAbove;
  }

  void put(Long id, Instant at) {
    seen.put(id, at);
  }

  void removeAll(Collection<Long> ids) {
    if (!seen.isEmpty()) {
      ids.forEach(seen::remove);
    }
  }

  /** Whether the id was seen after {@code since}. */
  boolean seenSince(Long id, Instant since) {
    Instant at = seen.get(id);
    return at != null && at.isAfter(since);
  }

  /** Forgets the ids seen before {@code limit}, if it holds more than its bound. */
  void forgetBefore(Instant limit) {
    if (seen.size() > forgetAbove) {
      seen.values().removeIf(at -> at.isBefore(limit));
    }
  }

  void clear() {
    seen.clear();
  }

  int size() {
    return seen.size();
  }
}
