package dev.switchboard.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many submissions each tier-1 pool is handling at once, against its admission limit. A pool
 * over its limit refuses at once, so that the client's search moves on instead of queueing behind a
 * busy pool. One per application: every instance of a pool's bean counts in the same place.
 */
@ApplicationScoped
public class Admission {

  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

  /**
   * Takes a place for one submission. A refusal is a value, not an exception: under load it is the
   * common answer, and a pool refuses thousands of times a second.
   *
   * @return empty if admitted (call {@link #leave} afterwards), else the reason for refusing
   */
  public Optional<String> enter(String pool, int limit) {
    AtomicInteger count = inFlight.computeIfAbsent(pool, p -> new AtomicInteger());
    int now = count.incrementAndGet();
    if (limit > 0 && now > limit) {
      count.decrementAndGet();
      return Optional.of("over its admission limit (" + limit + " submissions in flight)");
    }
    return Optional.empty();
  }

  public void leave(String pool) {
    AtomicInteger count = inFlight.get(pool);
    if (count != null) {
      count.decrementAndGet();
    }
  }

  /** Submissions the pool is handling now. */
  public int inFlight(String pool) {
    AtomicInteger count = inFlight.get(pool);
    return count == null ? 0 : count.get();
  }
}
