package dev.switchboard.task.entity;

import dev.switchboard.common.entity.AttributeMapConverter;
import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A computing task as a client submitted it, with the route it took (tier-1 pool, tier-2
 * distributor, fulfillment server), its current state and its outcome. Every change of state goes
 * through {@link #moveTo} so that the history in {@link TaskEvent} rows is complete.
 */
@Entity
@Table(
    name = "SB_TASK",
    indexes = {
      @Index(name = "SB_TASK_STATE_IX", columnList = "STATE, PRIORITY, ID"),
      @Index(name = "SB_TASK_USER_IX", columnList = "USER_ID, ID")
    })
@NamedQuery(
    name = Task.RUNNING_PER_USER,
    query = "SELECT t.user, COUNT(t) FROM Task t WHERE t.state IN :states GROUP BY t.user")
@NamedQuery(
    name = Task.LOAD_PER_SERVER,
    query =
        "SELECT t.server, SUM(t.slots) FROM Task t WHERE t.state IN :states"
            + " AND t.server IS NOT NULL GROUP BY t.server")
@NamedQuery(name = Task.RECENT, query = "SELECT t FROM Task t ORDER BY t.id DESC")
@NamedQuery(
    name = Task.WAITING_PER_TIER2,
    query =
        "SELECT t.tier2Distributor, COUNT(t) FROM Task t WHERE t.state = :state"
            + " GROUP BY t.tier2Distributor")
@NamedQuery(
    name = Task.WAITING_BY_PRIORITY,
    query =
        "SELECT t.id FROM Task t WHERE t.state = :state"
            + " AND (t.notBefore IS NULL OR t.notBefore <= :now) ORDER BY t.priority DESC, t.id")
public class Task {

  public static final String RECENT = "Task.recent";
  public static final String WAITING_BY_PRIORITY = "Task.waitingByPriority";
  public static final String RUNNING_PER_USER = "Task.runningPerUser";
  public static final String LOAD_PER_SERVER = "Task.loadPerServer";
  public static final String WAITING_PER_TIER2 = "Task.waitingPerTier2";

  /** Longest input a task may carry; larger payloads belong in external storage. */
  public static final int MAX_INPUT = 65_536;

  /** Longest requirements or rank expression. */
  public static final int MAX_EXPRESSION = 2_048;

  /**
   * Longest result a task keeps (the column's size). A longer output is never cut: the run fails
   * instead, see {@link #resultTooLong}.
   */
  public static final int MAX_RESULT = 65_536;

  /** Longest reason kept (the column's size); a longer one is cut, its start says what happened. */
  public static final int MAX_REASON = 2_048;

  /** Longest note of the pools a submission skipped (the column's size); a longer one is cut. */
  public static final int MAX_SKIPPED = 1_024;

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

  /** Slots the task occupies on its server. */
  private int slots = 1;

  /** The least computing power a server must have. */
  private double minPower;

  /** CEL expression a server must satisfy; null for none. */
  @Column(length = MAX_EXPRESSION)
  private String requirements;

  /** CEL expression ranking the servers that satisfy the requirements; null for none. */
  @Column(name = "RANK_EXPR", length = MAX_EXPRESSION)
  private String rank;

  /** Custom attributes, stored as one JSON object; {@code @Basic} keeps the map in one column. */
  @Basic
  @Convert(converter = AttributeMapConverter.class)
  @Column(length = 4096)
  private Map<String, String> attributes = Map.of();

  /** Which run of the task this is, from 1; a report about another attempt is stale. */
  private int attempt = 1;

  /** How many times a failed run is retried before the task fails. */
  private int maxRetries;

  /**
   * Longest a run may take before it fails as timed out; set by {@link #limits} from the request,
   * whose default is the API's (TaskRequest.DEFAULT_TIMEOUT), not this module's to define.
   */
  private int timeoutSeconds;

  /** A retry waits until then before it is matched again. */
  private Instant notBefore;

  /** The user's priority when the task was matched; waiting tasks are re-matched by it. */
  private int priority;

  /** Why the matcher chose this server, or why none, as JSON. */
  @Column(length = 16_384)
  private String explanation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TaskState state;

  @Column(length = 64)
  private String tier1Pool;

  /** Pools the search skipped before one accepted, with the reason for each. */
  @Column(length = MAX_SKIPPED)
  private String tier1Skipped;

  @Column(length = 64)
  private String tier2Distributor;

  @Column(length = 128)
  private String server;

  @Column(length = MAX_RESULT)
  private String result;

  @Column(length = MAX_REASON)
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

  /** Sets what the task needs from a server; done once, at submission. */
  public void needs(
      int slots,
      double minPower,
      String requirements,
      String rank,
      Map<String, String> attributes) {
    this.slots = slots;
    this.minPower = minPower;
    this.requirements = requirements;
    this.rank = rank;
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /**
   * Records a transition: the new state and a history row naming where it happened and why.
   *
   * @return the history row, already attached to this task
   */
  public TaskEvent moveTo(
      TaskState next, Instant at, Tier tier, String distributor, String reason) {
    this.state = next;
    this.updatedAt = at;
    // a reason quoting an exception chain can outgrow its column; the start says what happened
    String kept = cut(reason, MAX_REASON);
    this.reason = kept;
    TaskEvent event = new TaskEvent(this, next, at, tier.label(), distributor, server, kept);
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
    this.tier1Skipped = cut(skipped, MAX_SKIPPED);
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

  public int getSlots() {
    return slots;
  }

  public double getMinPower() {
    return minPower;
  }

  public String getRequirements() {
    return requirements;
  }

  public String getRank() {
    return rank;
  }

  /** The custom attributes in the order they were submitted; empty for none. */
  public Map<String, String> getAttributes() {
    return attributes == null ? Map.of() : attributes;
  }

  public int getAttempt() {
    return attempt;
  }

  public int getMaxRetries() {
    return maxRetries;
  }

  public int getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public Instant getNotBefore() {
    return notBefore;
  }

  /** Sets how the task's runs are bounded; done once, at submission. */
  public void limits(int timeoutSeconds, int maxRetries) {
    this.timeoutSeconds = timeoutSeconds;
    this.maxRetries = maxRetries;
  }

  /** Starts the next attempt, to be matched again no earlier than {@code notBefore}. */
  public void nextAttempt(Instant notBefore) {
    this.attempt++;
    this.notBefore = notBefore;
    this.server = null;
  }

  /** Makes a report about the current attempt stale, e.g. after the task was cancelled. */
  public void closeAttempt() {
    this.attempt++;
  }

  public int getPriority() {
    return priority;
  }

  public void setPriority(int priority) {
    this.priority = priority;
  }

  public String getExplanation() {
    return explanation;
  }

  public void setExplanation(String explanation) {
    this.explanation = explanation;
  }

  public String getResult() {
    return result;
  }

  /**
   * Why the last run failed, kept where its output would be; a reason longer than the column is
   * cut. A completed run's output goes through {@link #setOutput}, which never cuts.
   */
  public void setResult(String result) {
    this.result = cut(result, MAX_RESULT);
  }

  /**
   * The output of a completed run, kept whole.
   *
   * @throws IllegalArgumentException if it is longer than {@link #MAX_RESULT}: a cut output would
   *     be a wrong answer; check {@link #resultTooLong} first
   */
  public void setOutput(String output) {
    resultTooLong(output)
        .ifPresent(
            reason -> {
              throw new IllegalArgumentException(reason);
            });
    this.result = output;
  }

  /**
   * Why an output cannot be kept: {@code result is 78,000 characters, more than the limit of
   * 65,536}; empty if it fits.
   */
  public static Optional<String> resultTooLong(String output) {
    if (output == null || output.length() <= MAX_RESULT) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "result is %,d characters, more than the limit of %,d",
            output.length(),
            MAX_RESULT));
  }

  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
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
