package dev.switchboard.fulfillment.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When a fulfillment server sends its attributes to its tier-2 distributor: at the first chance,
 * when the last update is an interval old, when idle power moved by more than a threshold since the
 * last update, and when something asked for it (a task started or ended, an operator).
 *
 * @param interval longest time between two updates
 * @param threshold relative change of idle power that is sent at once (0.2 = 20 %)
 */
public record UpdatePolicy(Duration interval, double threshold) {

  /** What was last sent, or is measured now. */
  public record Figures(double idlePower, int load, Instant at) {}

  /**
   * @param last what was last sent, or null if nothing was
   * @param now what is measured now
   * @param triggered whether an event asked for an update
   * @return why an update is due, or null if none is
   */
  public String due(Figures last, Figures now, boolean triggered) {
    if (last == null) {
      return "first update";
    }
    if (triggered) {
      return "triggered";
    }
    if (Duration.between(last.at(), now.at()).compareTo(interval) >= 0) {
      return "periodic";
    }
    double base = Math.max(1.0, Math.abs(last.idlePower()));
    if (Math.abs(now.idlePower() - last.idlePower()) / base > threshold) {
      return "idle power changed";
    }
    if (now.load() != last.load()) {
      return "load changed";
    }
    return null;
  }
}
