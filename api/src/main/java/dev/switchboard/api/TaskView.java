package dev.switchboard.api;

import jakarta.json.bind.annotation.JsonbVisibility;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A task with its route, outcome and history, as clients and the console see it. A plain
 * serializable class rather than a record: it travels over IIOP, whose marshalling cannot build
 * records.
 */
@JsonbVisibility(FieldsVisible.class)
public final class TaskView implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long id;
  private final String application;
  private final String user;
  private final String client;
  private final int slots;
  private final double minPower;
  private final String requirements;
  private final String rank;
  private final int priority;
  private final int attempt;
  private final String state;
  private final String result;
  private final String reason;
  private final String pool;
  private final String skippedPools;
  private final String tier2;
  private final String server;
  private final String submittedAt;
  private final String updatedAt;
  private final List<TaskEventView> events;

  public TaskView(
      long id,
      String application,
      String user,
      String client,
      int slots,
      double minPower,
      String requirements,
      String rank,
      int priority,
      int attempt,
      String state,
      String result,
      String reason,
      String pool,
      String skippedPools,
      String tier2,
      String server,
      String submittedAt,
      String updatedAt,
      List<TaskEventView> events) {
    this.id = id;
    this.application = application;
    this.user = user;
    this.client = client;
    this.slots = slots;
    this.minPower = minPower;
    this.requirements = requirements;
    this.rank = rank;
    this.priority = priority;
    this.attempt = attempt;
    this.state = state;
    this.result = result;
    this.reason = reason;
    this.pool = pool;
    this.skippedPools = skippedPools;
    this.tier2 = tier2;
    this.server = server;
    this.submittedAt = submittedAt;
    this.updatedAt = updatedAt;
    this.events = Collections.unmodifiableList(new ArrayList<>(events));
  }

  public long id() {
    return id;
  }

  public String application() {
    return application;
  }

  public String user() {
    return user;
  }

  public String client() {
    return client;
  }

  public int slots() {
    return slots;
  }

  public double minPower() {
    return minPower;
  }

  public String requirements() {
    return requirements;
  }

  public String rank() {
    return rank;
  }

  public int priority() {
    return priority;
  }

  public int attempt() {
    return attempt;
  }

  public String state() {
    return state;
  }

  public String result() {
    return result;
  }

  public String reason() {
    return reason;
  }

  public String pool() {
    return pool;
  }

  public String skippedPools() {
    return skippedPools;
  }

  public String tier2() {
    return tier2;
  }

  public String server() {
    return server;
  }

  public String submittedAt() {
    return submittedAt;
  }

  public String updatedAt() {
    return updatedAt;
  }

  public List<TaskEventView> events() {
    return events;
  }

  @Override
  public String toString() {
    return "TaskView["
        + "id="
        + id
        + ", "
        + "application="
        + application
        + ", "
        + "user="
        + user
        + ", "
        + "client="
        + client
        + ", "
        + "slots="
        + slots
        + "]";
  }
}
