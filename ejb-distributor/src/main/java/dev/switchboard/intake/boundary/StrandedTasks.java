package dev.switchboard.intake.boundary;

import dev.switchboard.api.DistributorView;
import dev.switchboard.directory.boundary.DistributorDirectory;
import dev.switchboard.messaging.control.MatchingInFlight;
import dev.switchboard.messaging.control.QueueDepth;
import dev.switchboard.messaging.control.TaskForwarding;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forwards again the tasks that have waited SUBMITTED for longer than {@link #STRANDED_AFTER}:
 * their forward message was taken by a matching transaction whose commit failed half way (measured
 * when the database dropped its connections during commits), so the broker holds the message in
 * doubt until the server restarts. Only while the tier-2 queues are empty: with a backlog the tasks
 * are most likely waiting in it. Matching skips tasks already matched, so a second forward is
 * harmless.
 */
@Singleton
@Startup
@DependsOn("DistributorDirectory")
public class StrandedTasks {

  static final Duration STRANDED_AFTER = Duration.ofSeconds(60);

  static final int CHECK_SECONDS = 30;

  static final int MAX_PER_CHECK = 1_000;

  private static final Logger LOG = Logger.getLogger(StrandedTasks.class.getName());

  @PersistenceContext EntityManager em;

  @EJB DistributorDirectory directory;

  @Inject TaskForwarding forwarding;

  @Inject QueueDepth depth;

  @Inject MatchingInFlight inFlight;

  @Resource TimerService timers;

  @PostConstruct
  void schedule() {
    timers.createCalendarTimer(
        new ScheduleExpression().hour("*").minute("*").second("*/" + CHECK_SECONDS),
        new TimerConfig("stranded task check", false));
  }

  @Timeout
  void check() {
    if (inFlight.matching()) {
      return; // forwarded tasks are being matched: they are on their way, not stranded
    }
    for (String[] tier2 : DistributorDirectory.TIER2) {
      if (depth.count(tier2[1], 1) > 0) {
        // a backlog, not a loss: the tasks may be waiting in it, and a second forward would only
        // add to it (measured: under overload such re-forwards fed the backlog they came from)
        return;
      }
    }
    List<Long> stranded =
        em.createQuery(
                "SELECT t.id FROM Task t WHERE t.state = :state AND t.updatedAt < :before"
                    + " ORDER BY t.id",
                Long.class)
            .setParameter("state", TaskState.SUBMITTED)
            .setParameter("before", Instant.now().minus(STRANDED_AFTER))
            .setMaxResults(MAX_PER_CHECK)
            .getResultList();
    if (stranded.isEmpty()) {
      return;
    }
    DistributorView tier2 = directory.requeueTarget();
    if (tier2 == null) {
      return; // nowhere to send them now; the next check tries again
    }
    forwarding.forward(tier2.destination(), stranded);
    LOG.log(
        Level.WARNING,
        "Forwarded again {0} tasks SUBMITTED for over {1} s, to {2}",
        new Object[] {stranded.size(), STRANDED_AFTER.toSeconds(), tier2.name()});
  }
}
