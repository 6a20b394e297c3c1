package dev.switchboard.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * A distributor of either tier as tier 1 sees it.
 *
 * @param name its name
 * @param tier 1 or 2
 * @param position its place in the search order of its tier
 * @param state UP, DRAINING or DISABLED, as an operator set it
 * @param destination tier 2: the JNDI name of its queue
 * @param queueLimit tier 2: tier 1 skips it for new submissions while this many tasks wait for it
 *     (on its queue or PENDING)
 * @param lastStatus tier 2: the attributes it last broadcast, or null if never heard
 * @param lastAskedAt tier 2: when the newest status it broadcast because it was asked (not by its
 *     heartbeat) was measured, or null; kept apart because a later heartbeat replaces the status
 */
public record DistributorView(
    String name,
    int tier,
    int position,
    String state,
    String destination,
    int queueLimit,
    Tier2Status lastStatus,
    Instant lastAskedAt)
    implements Serializable {

  public boolean accepting() {
    return "UP".equals(state);
  }

  /** When it was last heard from, or null. */
  public Instant lastHeardAt() {
    return lastStatus == null ? null : lastStatus.measuredAt();
  }
}
