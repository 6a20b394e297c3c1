package dev.switchboard.outcome.boundary;

import dev.switchboard.matching.control.PendingTasks;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Requeues the tasks whose run should have been reported long ago. A node reports a task at the
 * latest once its timeout has passed, counted from when the node took the batch; a task still on a
 * server {@link #GRACE} after that lost its dispatch or its report on the way. Measured: a database
 * session closed while a matching transaction committed left its tasks ALLOCATED in the database
 * while the broker kept the dispatch message in doubt, invisible to every consumer until a restart
 * (ConnectionDropIT, 8 of 600 tasks). Such a task is requeued once as a new attempt, like one held
 * by a lost server, so that a late report of the old attempt changes nothing. The time is counted
 * from this bean's start at the earliest: after a restart, dispatches still queued get their full
 * timeout again.
 */
@Singleton
@Startup
@DependsOn({"ServerIndex", "DistributorDirectory"})
public class OverdueTasks {

  static final Duration GRACE = Duration.ofSeconds(30);

  static final int CHECK_SECONDS = 15;

  private static final Logger LOG = Logger.getLogger(OverdueTasks.class.getName());

  @PersistenceContext EntityManager em;

  @Resource TimerService timers;

  @EJB PendingTasks pending;

  private Instant started;

  @PostConstruct
  void schedule() {
    started = Instant.now();
    timers.createCalendarTimer(
        new ScheduleExpression().hour("*").minute("*").second("*/" + CHECK_SECONDS),
        new TimerConfig("overdue task check", false));
  }

  @Timeout
  void check() {
    Instant now = Instant.now();
    // the shortest timeout is a second: no task allocated later can be overdue yet
    List<Object[]> onServers =
        em.createQuery(
                "SELECT t.id, t.updatedAt, t.timeoutSeconds FROM Task t"
                    + " WHERE t.state IN :states AND t.updatedAt < :before",
                Object[].class)
            .setParameter("states", List.of(TaskState.ALLOCATED, TaskState.RUNNING))
            .setParameter("before", now.minus(GRACE).minusSeconds(1))
            .getResultList();
    List<Long> overdue =
        onServers.stream()
            .filter(row -> overdue((Instant) row[1], (Integer) row[2], started, now))
            .map(row -> (Long) row[0])
            .toList();
    if (overdue.isEmpty()) {
      return;
    }
    for (Task task :
        em.createQuery("SELECT t FROM Task t WHERE t.id IN :ids", Task.class)
            .setParameter("ids", overdue)
            .getResultList()) {
      pending.requeue(
          task,
          now,
          "no report from "
              + task.getServer()
              + " "
              + GRACE.toSeconds()
              + " s after its timeout of "
              + task.getTimeoutSeconds()
              + " s; requeued as attempt "
              + (task.getAttempt() + 1));
    }
    LOG.log(
        Level.WARNING,
        "Requeued {0} tasks as new attempts: no report came {1} s after their timeout",
        new Object[] {overdue.size(), GRACE.toSeconds()});
    pending.rematch(overdue.size());
  }

  /**
   * Whether a task on a server since {@code since} with this timeout should have been reported: its
   * timeout and the grace have passed, counted from {@code started} at the earliest.
   */
  static boolean overdue(Instant since, int timeoutSeconds, Instant started, Instant now) {
    Instant from = since.isAfter(started) ? since : started;
    return from.plusSeconds(timeoutSeconds).plus(GRACE).isBefore(now);
  }
}
