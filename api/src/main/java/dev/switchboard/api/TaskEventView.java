package dev.switchboard.api;

import jakarta.json.bind.annotation.JsonbVisibility;
import java.io.Serializable;

/**
 * One transition of a task: state entered, when, where and why. A plain serializable class rather
 * than a record: it travels over IIOP, whose marshalling cannot build records.
 */
@JsonbVisibility(FieldsVisible.class)
public final class TaskEventView implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String state;
  private final String at;
  private final String tier;
  private final String distributor;
  private final String server;
  private final String reason;

  public TaskEventView(
      String state, String at, String tier, String distributor, String server, String reason) {
    this.state = state;
    this.at = at;
    this.tier = tier;
    this.distributor = distributor;
    this.server = server;
    this.reason = reason;
  }

  public String state() {
    return state;
  }

  public String at() {
    return at;
  }

  public String tier() {
    return tier;
  }

  public String distributor() {
    return distributor;
  }

  public String server() {
    return server;
  }

  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "TaskEventView["
        + "state="
        + state
        + ", "
        + "at="
        + at
        + ", "
        + "tier="
        + tier
        + ", "
        + "distributor="
        + distributor
        + ", "
        + "server="
        + server
        + "]";
  }
}
