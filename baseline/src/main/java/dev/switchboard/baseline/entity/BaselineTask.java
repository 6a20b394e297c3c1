package dev.switchboard.baseline.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/**
 * One benchmark task: when it was submitted and when the consumer completed it, both in epoch
 * milliseconds. It carries no work; the baseline measures the pipeline, not an application.
 */
@Entity
@Table(name = "SB_BASELINE_TASK")
@NamedQuery(
    name = BaselineTask.TOTALS,
    query = "SELECT COUNT(t), MIN(t.submittedAt) FROM BaselineTask t")
@NamedQuery(
    name = BaselineTask.COMPLETED_TIMES,
    query =
        "SELECT t.submittedAt, t.completedAt FROM BaselineTask t WHERE t.completedAt IS NOT NULL")
@NamedQuery(name = BaselineTask.DELETE_ALL, query = "DELETE FROM BaselineTask t")
public class BaselineTask {

  /** The persistence unit of the baseline (META-INF/persistence.xml). */
  public static final String UNIT = "baseline";

  public static final String TOTALS = "BaselineTask.totals";
  public static final String COMPLETED_TIMES = "BaselineTask.completedTimes";
  public static final String DELETE_ALL = "BaselineTask.deleteAll";

  public static final String SUBMITTED = "SUBMITTED";
  public static final String DONE = "DONE";

  // A table generator, not IDENTITY: EclipseLink's H2 platform reads identities with CALL
  // IDENTITY(),
  // which H2 2.x no longer has. Ids come 500 at a time, so the generator row is rarely touched.
  @Id
  @TableGenerator(
      name = "SB_BASELINE_SEQ",
      table = "SB_BASELINE_SEQ",
      pkColumnValue = "SB_BASELINE_TASK",
      allocationSize = 500)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "SB_BASELINE_SEQ")
  private Long id;

  @Column(name = "SUBMITTED_AT", nullable = false)
  private long submittedAt;

  @Column(name = "COMPLETED_AT")
  private Long completedAt;

  @Column(name = "STATE", nullable = false, length = 16)
  private String state;

  protected BaselineTask() {}

  public BaselineTask(long submittedAt) {
    this.submittedAt = submittedAt;
    this.state = SUBMITTED;
  }

  /** Marks the task done at {@code now} (epoch milliseconds). */
  public void complete(long now) {
    this.completedAt = now;
    this.state = DONE;
  }

  public Long getId() {
    return id;
  }

  public long getSubmittedAt() {
    return submittedAt;
  }

  public Long getCompletedAt() {
    return completedAt;
  }

  public String getState() {
    return state;
  }
}
