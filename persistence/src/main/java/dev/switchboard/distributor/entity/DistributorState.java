package dev.switchboard.distributor.entity;

/** Whether a distributor takes new tasks. */
public enum DistributorState {
  /** Accepts tasks. */
  UP,
  /** Finishes what it has but accepts nothing new. */
  DRAINING,
  /** Switched off by an operator. */
  DISABLED
}
