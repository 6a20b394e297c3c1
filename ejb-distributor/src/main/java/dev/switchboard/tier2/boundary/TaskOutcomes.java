package dev.switchboard.tier2.boundary;

import dev.switchboard.api.StatusReport;
import dev.switchboard.matching.boundary.PendingTasks;
import dev.switchboard.matching.boundary.ServerIndex;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records how tasks ended on their fulfillment servers: RUNNING then COMPLETED or FAILED, the
 * result, and the slot given back. Freed slots send as many PENDING tasks, by priority, back to
 * tier 2 to be matched again. A report for a task that already ended is ignored, so a redelivered
 * report changes nothing.
 */
@Stateless
public class TaskOutcomes {

  static final String TIER = "fulfillment";

  private static final Logger LOG = Logger.getLogger(TaskOutcomes.class.getName());

  @PersistenceContext EntityManager em;

  @EJB ServerIndex index;

  @EJB PendingTasks pending;

  public void record(List<StatusReport> reports) {
    Map<String, Integer> freed = new TreeMap<>();
    for (StatusReport report : reports) {
      Task task = em.find(Task.class, report.taskId());
      if (task == null) {
        LOG.log(Level.WARNING, "Status report for unknown task {0} ignored", report.taskId());
        continue;
      }
      if (task.getState() != TaskState.ALLOCATED && task.getState() != TaskState.RUNNING) {
        LOG.log(
            Level.FINE,
            "Status report for task {0} in state {1} ignored",
            new Object[] {task.getId(), task.getState()});
        continue;
      }
      if (task.getState() == TaskState.ALLOCATED) {
        task.moveTo(
            TaskState.RUNNING, report.startedAt(), TIER, null, "started on " + report.server());
      }
      task.setResult(report.result());
      task.moveTo(
          report.completed() ? TaskState.COMPLETED : TaskState.FAILED,
          report.finishedAt(),
          TIER,
          null,
          report.completed() ? "completed on " + report.server() : report.result());
      freed.merge(task.getServer(), task.getSlots(), Integer::sum);
      index.releaseOnCommit(task.getServer(), task.getSlots(), task.getUser());
    }
    freed.forEach(this::release);
    int slots = freed.values().stream().mapToInt(Integer::intValue).sum();
    if (slots > 0) {
      pending.rematch(slots);
    }
  }

  private void release(String server, int slots) {
    em.createQuery(
            "UPDATE FulfillmentServer s SET s.currentLoad = s.currentLoad - :n"
                + " WHERE s.name = :name AND s.currentLoad >= :n")
        .setParameter("n", slots)
        .setParameter("name", server)
        .executeUpdate();
  }
}
