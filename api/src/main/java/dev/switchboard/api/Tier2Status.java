package dev.switchboard.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * The attributes a tier-2 distributor broadcasts to tier 1.
 *
 * @param name the distributor
 * @param healthy whether it consumes its queue
 * @param queueDepth tasks waiting: on its queue (counted up to just past its limit) and PENDING for
 *     want of a server
 * @param servers fulfillment servers registered with it
 * @param freeSlots free slots of its servers that are UP
 * @param measuredAt when these figures were taken
 * @param cause why they were sent: {@link #HEARTBEAT} (the timer) or {@link #ASKED} (an operator's
 *     change or request); null from a sender that does not say
 */
public record Tier2Status(
    String name,
    boolean healthy,
    int queueDepth,
    int servers,
    int freeSlots,
    Instant measuredAt,
    String cause)
    implements Serializable {

  /** Sent by the periodic heartbeat. */
  public static final String HEARTBEAT = "heartbeat";

  /** Sent at once because an operator changed a distributor or asked for a broadcast. */
  public static final String ASKED = "asked";

  /** Whether it was sent because somebody asked, not by the timer. */
  public boolean asked() {
    return ASKED.equals(cause);
  }
}
