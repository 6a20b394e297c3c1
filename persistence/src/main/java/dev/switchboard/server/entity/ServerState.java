package dev.switchboard.server.entity;

/** Whether a fulfillment server takes new tasks. Only {@link #UP} servers are matched. */
public enum ServerState {
  UP,
  DRAINING,
  STALE,
  LOST,
  DISABLED
}
