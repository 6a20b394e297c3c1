package dev.switchboard.api;

import java.io.Serializable;

/** A distributor of either tier: name, tier (1 or 2), search position and state. */
public record DistributorView(String name, int tier, int position, String state, String destination)
    implements Serializable {

  public boolean accepting() {
    return "UP".equals(state);
  }
}
