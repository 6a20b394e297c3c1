package dev.switchboard.task.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A computing task as a client submitted it, with the route it took (tier-1 pool, tier-2
 * distributor, fulfillment server), its current state and its outcome. Every change of state goes
 * through {@link #moveTo} so that the history in {@link TaskEvent} rows is complete.
 */
@Entity
@Table(
    name = "SB_TASK",
    indexes = {
      @Index(name = "SB_TASK_STATE_IX", columnList = "STATE, ID"),
      @Index(name = "SB_TASK_USER_IX", columnList = "USER_ID")
    })
@NamedQuery(name = Task.RECENT, query = "SELECT t FROM Task t ORDER BY t.id DESC")
@NamedQuery(
    name = Task.OLDEST_IN_STATE,
    query = "SELECT t FROM Task t WHERE t.state = :state ORDER BY t.id")
public class Task {

  public static final String RECENT = "Task.recent";
  public static final String OLDEST_IN_STATE = "Task.oldestInState";

  /** Longest input a task may carry; larger payloads belong in external storage. */
  public static final int MAX_INPUT = 65_536;

  @Id
  @SequenceGenerator(name = "SB_TASK_SEQ", sequenceName = "SB_TASK_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "SB_TASK_SEQ")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = 64)
  private String application;

  @Column(name = "INPUT_DATA", length = MAX_INPUT)
  private String input;

  @Column(name = "USER_ID", nullable = false, length = 128)
  private String user;

  @Column(name = "CLIENT_ID", nullable = false, length = 128)
  private String client;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TaskState state;

  @Column(length = 64)
  private String tier1Pool;

  /** Pools the search skipped before one accepted, with the reason for each. */
  @Column(length = 1024)
  private String tier1Skipped;

  @Column(length = 64)
  private String tier2Distributor;

  @Column(length = 128)
  private String server;

  @Column(length = MAX_INPUT)
  private String result;

  @Column(length = 2048)
  private String reason;

  @Column(nullable = false)
  private Instant submittedAt;

  private Instant updatedAt;

  @OneToMany(mappedBy = "task", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<TaskEvent> events = new ArrayList<>();

  protected Task() {}

  public Task(String application, String input, String user, String client, Instant now) {
    this.application = application;
    this.input = input;
    this.user = user;
    this.client = client;
    this.submittedAt = now;
  }

  /**
   * Records a transition: the new state and a history row naming where it happened and why.
   *
   * @return the history row, already attached to this task
   */
  public TaskEvent moveTo(
      TaskState next, Instant at, String tier, String distributor, String reason) {
    this.state = next;
    this.updatedAt = at;
    this.reason = reason;
    TaskEvent event = new TaskEvent(this, next, at, tier, distributor, server, reason);
    events.add(event);
    return event;
  }

  public Long getId() {
    return id;
  }

  public String getApplication() {
    return application;
  }

  public String getInput() {
    return input;
  }

  public String getUser() {
    return user;
  }

  public String getClient() {
    return client;
  }

  public TaskState getState() {
    return state;
  }

  public String getTier1Pool() {
    return tier1Pool;
  }

  public String getTier1Skipped() {
    return tier1Skipped;
  }

  public void acceptedBy(String pool, String skipped) {
    this.tier1Pool = pool;
    this.tier1Skipped = skipped;
  }

  public String getTier2Distributor() {
    return tier2Distributor;
  }

  public void setTier2Distributor(String tier2Distributor) {
    this.tier2Distributor = tier2Distributor;
  }

  public String getServer() {
    return server;
  }

  public void setServer(String server) {
    this.server = server;
  }

  public String getResult() {
    return result;
  }

  public void setResult(String result) {
    this.result = result;
  }

  public String getReason() {
    return reason;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public List<TaskEvent> getEvents() {
    return Collections.unmodifiableList(events);
  }
}
