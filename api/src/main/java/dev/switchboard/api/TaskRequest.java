package dev.switchboard.api;

import jakarta.json.bind.annotation.JsonbVisibility;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a client submits: the application to run and its input, who asks (user and client id), and
 * what the task needs from a server. A plain serializable class rather than a record: it travels
 * over IIOP, whose marshalling cannot build records. It holds what it is given; {@link TaskRules}
 * says whether that is a valid task, and every entry point asks it.
 */
@JsonbVisibility(FieldsVisible.class)
public final class TaskRequest implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The timeout of a task that names none: five minutes. */
  public static final int DEFAULT_TIMEOUT = 300;

  private final String application;

  private final String input;

  private final String user;

  private final String client;

  private final int slots;

  private final double minPower;

  private final String requirements;

  private final String rank;

  private final int timeoutSeconds;

  private final int maxRetries;

  private final Map<String, String> attributes;

  /**
   * @param application name of a {@code TaskApplication} some fulfillment server has installed
   * @param input the application's input, at most 64 KiB
   * @param user the user the task runs for
   * @param client the client that submitted it
   * @param slots slots the task occupies on its server (1 to 64)
   * @param minPower the least computing power a server must have
   * @param requirements CEL expression over {@code server}, {@code task}, {@code user} and {@code
   *     client} that a server must satisfy, or null
   * @param rank CEL expression giving a number; among servers that qualify, higher is better; or
   *     null
   * @param attributes custom attributes of the task, visible to expressions as {@code
   *     task.attributes}
   * @param timeoutSeconds longest a run may take (1 to 86400)
   * @param maxRetries how often a failed run is retried, with growing delays (0 to 10)
   */
  public TaskRequest(
      String application,
      String input,
      String user,
      String client,
      int slots,
      double minPower,
      String requirements,
      String rank,
      Map<String, String> attributes,
      int timeoutSeconds,
      int maxRetries) {
    this.application = application;
    this.input = input;
    this.user = user;
    this.client = client;
    this.slots = slots;
    this.minPower = minPower;
    this.requirements = requirements;
    this.rank = rank;
    this.attributes =
        Collections.unmodifiableMap(
            attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes));
    this.timeoutSeconds = timeoutSeconds;
    this.maxRetries = maxRetries;
  }

  /** A task that needs one slot and nothing else in particular. */
  public TaskRequest(String application, String input, String user, String client) {
    this(application, input, user, client, 1, 0, null, null, Map.of(), DEFAULT_TIMEOUT, 0);
  }

  public String application() {
    return application;
  }

  public String input() {
    return input;
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

  public Map<String, String> attributes() {
    return attributes;
  }

  public int timeoutSeconds() {
    return timeoutSeconds;
  }

  public int maxRetries() {
    return maxRetries;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskRequest r
        && slots == r.slots
        && Double.compare(minPower, r.minPower) == 0
        && Objects.equals(application, r.application)
        && Objects.equals(input, r.input)
        && Objects.equals(user, r.user)
        && Objects.equals(client, r.client)
        && Objects.equals(requirements, r.requirements)
        && Objects.equals(rank, r.rank)
        && attributes.equals(r.attributes)
        && timeoutSeconds == r.timeoutSeconds
        && maxRetries == r.maxRetries;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        application,
        input,
        user,
        client,
        slots,
        minPower,
        requirements,
        rank,
        attributes,
        timeoutSeconds,
        maxRetries);
  }

  @Override
  public String toString() {
    return "TaskRequest[application="
        + application
        + ", user="
        + user
        + ", client="
        + client
        + ", slots="
        + slots
        + "]";
  }
}
