package dev.switchboard.outcome.control;

import dev.switchboard.matching.control.PendingTasks;
import dev.switchboard.matching.control.ServerIndex;
import dev.switchboard.messaging.StatusReport;
import dev.switchboard.task.boundary.TaskMeter;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.task.entity.Tier;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records how runs of tasks ended on their fulfillment servers: RUNNING then COMPLETED or FAILED
 * with the result, or a retry after a growing delay while the task has retries left. A result
 * longer than the column ({@link Task#MAX_RESULT}) fails the task saying so, never cut. The slot is
 * given back, and freed slots send as many waiting tasks, by priority, back to tier 2. A report is
 * applied once: only for the task's current attempt and only while the task is on a server, so a
 * redelivered or late report changes nothing. A report for a task cancelled on its server only
 * frees the slot.
 */
@Stateless
public class TaskOutcomes {

  static final Tier TIER = Tier.FULFILLMENT;

  /** The delay of the first retry; each further one doubles it, up to {@link #MAX_BACKOFF}. */
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  private static final Logger LOG = Logger.getLogger(TaskOutcomes.class.getName());

  @PersistenceContext EntityManager em;

  @EJB ServerIndex index;

  @EJB PendingTasks pending;

  @EJB TaskMeter meter;

  public void record(List<StatusReport> reports) {
    int freed = 0;
    List<ServerIndex.Release> releases = new ArrayList<>();
    for (StatusReport report : reports) {
      Task task = em.find(Task.class, report.taskId());
      if (task == null) {
        LOG.log(
            Level.WARNING, "Status report for unknown task {0,number,#} ignored", report.taskId());
        continue;
      }
      if (report.attempt() != task.getAttempt() || task.getServer() == null) {
        LOG.log(
            Level.FINE,
            "Report on attempt {0} of task {1,number,#} ignored: it is at attempt {2}, {3}",
            new Object[] {report.attempt(), task.getId(), task.getAttempt(), task.getState()});
        continue;
      }
      String server = task.getServer();
      if (task.getState() == TaskState.CANCELLED) {
        task.closeAttempt();
      } else if (task.getState() == TaskState.ALLOCATED || task.getState() == TaskState.RUNNING) {
        apply(task, report);
      } else {
        continue;
      }
      freed += task.getSlots();
      releases.add(new ServerIndex.Release(server, task.getSlots(), task.getUser()));
    }
    index.releaseAllOnCommit(releases);
    if (freed > 0) {
      pending.rematch(freed);
    }
  }

  private void apply(Task task, StatusReport report) {
    if (task.getState() == TaskState.ALLOCATED) {
      task.moveTo(
          TaskState.RUNNING, report.startedAt(), TIER, null, "started on " + report.server());
    }
    if (report.completed()) {
      Optional<String> tooLong = Task.resultTooLong(report.result());
      if (tooLong.isPresent()) {
        // kept whole or not at all; the same input gives the same output, so no retry
        fail(task, report.finishedAt(), tooLong.get() + " (run on " + report.server() + ")");
        return;
      }
      task.setOutput(report.result());
      task.moveTo(
          TaskState.COMPLETED, report.finishedAt(), TIER, null, "completed on " + report.server());
      meter.completed(Duration.between(task.getSubmittedAt(), report.finishedAt()).toMillis());
      return;
    }
    int retry = task.getAttempt(); // retries done so far + 1 = the attempt that just failed
    if (retry <= task.getMaxRetries()) {
      retryLater(task, report, retry);
      return;
    }
    fail(task, report.finishedAt(), report.result());
  }

  private void fail(Task task, Instant at, String reason) {
    task.setResult(reason);
    task.moveTo(TaskState.FAILED, at, TIER, null, reason);
    meter.failed();
  }

  private void retryLater(Task task, StatusReport report, int retry) {
    Duration delay = backoff(retry);
    String reason =
        "attempt "
            + task.getAttempt()
            + " failed on "
            + report.server()
            + " ("
            + report.result()
            + "); retry "
            + retry
            + " of "
            + task.getMaxRetries()
            + " in "
            + delay.toMillis()
            + " ms";
    task.nextAttempt(Instant.now().plus(delay));
    task.moveTo(TaskState.PENDING, report.finishedAt(), TIER, null, reason);
    pending.sendLater(task.getId(), delay);
  }

  /** 1 s, 2 s, 4 s ... at most a minute. */
  static Duration backoff(int retry) {
    long millis = FIRST_BACKOFF.toMillis() << Math.min(16, Math.max(0, retry - 1));
    return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
  }
}
