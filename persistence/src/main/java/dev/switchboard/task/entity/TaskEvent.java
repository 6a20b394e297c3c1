package dev.switchboard.task.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One transition in a task's history: the state it entered, when, in which tier, at which
 * distributor and server, and why. Rows are only ever added.
 */
@Entity
@Table(
    name = "SB_TASK_EVENT",
    indexes = @Index(name = "SB_TASK_EVENT_TASK_IX", columnList = "TASK_ID"))
public class TaskEvent {

  @Id
  @SequenceGenerator(
      name = "SB_TASK_EVENT_SEQ",
      sequenceName = "SB_TASK_EVENT_SEQ",
      allocationSize = 100)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "SB_TASK_EVENT_SEQ")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "TASK_ID")
  private Task task;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TaskState state;

  @Column(name = "OCCURRED_AT", nullable = false)
  private Instant at;

  @Column(length = 16)
  private String tier;

  @Column(length = 64)
  private String distributor;

  @Column(length = 128)
  private String server;

  @Column(length = 2048)
  private String reason;

  protected TaskEvent() {}

  TaskEvent(
      Task task,
      TaskState state,
      Instant at,
      String tier,
      String distributor,
      String server,
      String reason) {
    this.task = task;
    this.state = state;
    this.at = at;
    this.tier = tier;
    this.distributor = distributor;
    this.server = server;
    this.reason = reason;
  }

  public Long getId() {
    return id;
  }

  public TaskState getState() {
    return state;
  }

  public Instant getAt() {
    return at;
  }

  public String getTier() {
    return tier;
  }

  public String getDistributor() {
    return distributor;
  }

  public String getServer() {
    return server;
  }

  public String getReason() {
    return reason;
  }
}
