package dev.switchboard.api;

import jakarta.json.bind.annotation.JsonbVisibility;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a tier-1 pool answers when it accepts a task. A plain serializable class: it travels over
 * IIOP.
 */
@JsonbVisibility(FieldsVisible.class)
public final class TaskReceipt implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long id;
  private final String state;
  private final String pool;
  private final List<String> skipped;
  private final String tier2;

  /**
   * @param id the task's id
   * @param state the state at acceptance, {@code SUBMITTED}
   * @param pool the pool that accepted it
   * @param skipped the pools tried before it, each with the reason it refused
   * @param tier2 the tier-2 distributor the task was queued for
   */
  public TaskReceipt(long id, String state, String pool, List<String> skipped, String tier2) {
    this.id = id;
    this.state = state;
    this.pool = pool;
    this.skipped = Collections.unmodifiableList(new ArrayList<>(skipped));
    this.tier2 = tier2;
  }

  public long id() {
    return id;
  }

  public String state() {
    return state;
  }

  public String pool() {
    return pool;
  }

  public List<String> skipped() {
    return skipped;
  }

  public String tier2() {
    return tier2;
  }

  @Override
  public String toString() {
    return "TaskReceipt[id="
        + id
        + ", state="
        + state
        + ", pool="
        + pool
        + ", tier2="
        + tier2
        + "]";
  }
}
