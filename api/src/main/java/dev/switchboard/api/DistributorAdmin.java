package dev.switchboard.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/** Lists distributors of both tiers and changes their state at run time. */
@Local
public interface DistributorAdmin {

  /** Tier 1 first, each tier in search order. */
  List<DistributorView> distributors();

  /**
   * Sets a distributor UP, DRAINING or DISABLED.
   *
   * @throws UnknownNameException for an unknown name
   * @throws InvalidInputException for an unknown state
   */
  DistributorView changeState(String name, String state);

  /**
   * Sets the queue limit of a tier-2 distributor.
   *
   * @throws UnknownNameException for an unknown name
   * @throws InvalidInputException for a tier-1 pool or a negative limit
   */
  DistributorView changeQueueLimit(String name, int limit);

  /** Has every tier-2 distributor of this server broadcast its attributes now. */
  void broadcastNow();

  /**
   * Why this server's messaging looks broken, or empty if it does not: no tier-2 broadcast has
   * reached tier 1 for longer than the stale limit, though tier 2 sends one every few seconds.
   */
  Optional<String> messagingProblem();
}
