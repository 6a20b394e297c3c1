package dev.switchboard.distributor.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The registration of a distributor of either tier: its name (the EJB name of a tier-1 pool, or the
 * name of a tier-2 distributor), its tier, its position in the search order and whether it accepts
 * tasks. Operators change the state at run time; the change survives restarts.
 */
@Entity
@Table(name = "SB_DISTRIBUTOR")
@NamedQuery(
    name = Distributor.ALL,
    query = "SELECT d FROM Distributor d ORDER BY d.tier, d.position, d.name")
public class Distributor {

  public static final String ALL = "Distributor.all";

  public static final int DEFAULT_QUEUE_LIMIT = 10_000;

  @Id
  @Column(length = 64)
  private String name;

  private int tier;

  private int position;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DistributorState state = DistributorState.UP;

  /** JNDI name of the tier-2 distributor's queue; empty for tier-1 pools. */
  @Column(length = 128)
  private String destination;

  private Instant changedAt;

  /** Tier 2: tier 1 skips the distributor for new tasks while this many tasks wait for it. */
  private int queueLimit = DEFAULT_QUEUE_LIMIT;

  protected Distributor() {}

  public Distributor(String name, int tier, int position, String destination) {
    this.name = name;
    this.tier = tier;
    this.position = position;
    this.destination = destination;
  }

  public String getName() {
    return name;
  }

  public int getTier() {
    return tier;
  }

  public int getPosition() {
    return position;
  }

  public DistributorState getState() {
    return state;
  }

  public void changeState(DistributorState state, Instant at) {
    this.state = state;
    this.changedAt = at;
  }

  public int getQueueLimit() {
    return queueLimit;
  }

  public void setQueueLimit(int queueLimit) {
    this.queueLimit = queueLimit;
  }

  public String getDestination() {
    return destination;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}
