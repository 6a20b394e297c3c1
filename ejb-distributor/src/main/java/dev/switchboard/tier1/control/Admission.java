package dev.switchboard.tier1.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many submissions each tier-1 pool is handling at once, against its admission limit. A pool
 * over its limit refuses at once, so that the client's search moves on instead of queueing behind a
 * busy pool.
 */
public final class Admission {

  private static final Map<String, AtomicInteger> IN_FLIGHT = new ConcurrentHashMap<>();

  private Admission() {}

  /**
   * Takes a place for one submission.
   *
   * @return null if admitted (call {@link #leave} afterwards), else the reason for refusing
   */
  public static String enter(String pool, int limit) {
    AtomicInteger count = IN_FLIGHT.computeIfAbsent(pool, p -> new AtomicInteger());
    int now = count.incrementAndGet();
    if (limit > 0 && now > limit) {
      count.decrementAndGet();
      return "over its admission limit (" + limit + " submissions in flight)";
    }
    return null;
  }

  public static void leave(String pool) {
    AtomicInteger count = IN_FLIGHT.get(pool);
    if (count != null) {
      count.decrementAndGet();
    }
  }

  /** Submissions the pool is handling now. */
  public static int inFlight(String pool) {
    AtomicInteger count = IN_FLIGHT.get(pool);
    return count == null ? 0 : count.get();
  }
}
