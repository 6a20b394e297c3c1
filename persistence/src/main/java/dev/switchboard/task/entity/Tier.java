package dev.switchboard.task.entity;

/**
 * Where a task's transition happened, as its history records it: at tier 1 (a front pool), at tier
 * 2 (a matching distributor), on a fulfillment server, at its client's request, or at the broker's
 * dead-letter queue. Stored by its label.
 */
public enum Tier {
  TIER1("tier1"),
  TIER2("tier2"),
  FULFILLMENT("fulfillment"),
  CLIENT("client"),
  DEAD_LETTERS("dead-letters");

  private final String label;

  Tier(String label) {
    this.label = label;
  }

  /** The name the history stores and shows, e.g. {@code tier2}. */
  public String label() {
    return label;
  }
}
