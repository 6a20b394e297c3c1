package dev.switchboard.registry.boundary;

import dev.switchboard.matching.control.PendingTasks;
import dev.switchboard.matching.control.ServerIndex;
import dev.switchboard.matching.control.ServerSnapshot;
import dev.switchboard.server.control.ServerLoads;
import dev.switchboard.server.entity.FulfillmentServer;
import dev.switchboard.server.entity.ServerState;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Watches that fulfillment servers keep reporting. One silent for {@link #STALE_AFTER} update
 * intervals becomes STALE (no new tasks); for {@link #LOST_AFTER}, LOST: the tasks it held are
 * requeued once, as a new attempt, so that whatever it reports later about the old attempt is
 * ignored. A server that reports again is UP (see {@code Registrations}).
 */
@Singleton
@Startup
@DependsOn({"ServerIndex", "DistributorDirectory"})
public class Liveness {

  /** Setting: seconds between a server's periodic updates (default 5). */
  public static final String INTERVAL_PROPERTY = "switchboard.server.updateSeconds";

  static final int STALE_AFTER = 3;
  static final int LOST_AFTER = 6;

  private static final Logger LOG = Logger.getLogger(Liveness.class.getName());

  @PersistenceContext EntityManager em;

  @Resource TimerService timers;

  @EJB ServerIndex index;

  @EJB PendingTasks pending;

  @Inject
  @ConfigProperty(name = INTERVAL_PROPERTY, defaultValue = "5")
  long updateSeconds;

  private Duration interval;

  @PostConstruct
  void schedule() {
    interval = Duration.ofSeconds(Math.max(1, updateSeconds));
    timers.createIntervalTimer(
        interval.toMillis(),
        Math.max(1000, interval.toMillis() / 2),
        new TimerConfig("liveness", false));
  }

  @Timeout
  void check() {
    Instant now = Instant.now();
    Instant staleBefore = now.minus(interval.multipliedBy(STALE_AFTER));
    Instant lostBefore = now.minus(interval.multipliedBy(LOST_AFTER));
    int requeued = 0;
    for (FulfillmentServer server :
        em.createNamedQuery(FulfillmentServer.ALL, FulfillmentServer.class).getResultList()) {
      Instant heard = server.getLastHeardAt();
      if (heard == null || server.getState() == ServerState.LOST) {
        continue;
      }
      if (heard.isBefore(lostBefore)
          && (server.getState() == ServerState.UP || server.getState() == ServerState.STALE)) {
        server.setState(ServerState.LOST);
        requeued += requeue(server, now);
        LOG.log(
            Level.WARNING,
            "Fulfillment server {0} is LOST: not heard from since {1}",
            new Object[] {server.getName(), heard});
      } else if (heard.isBefore(staleBefore) && server.getState() == ServerState.UP) {
        server.setState(ServerState.STALE);
        LOG.log(
            Level.WARNING,
            "Fulfillment server {0} is STALE: not heard from since {1}",
            new Object[] {server.getName(), heard});
      } else {
        continue;
      }
      em.flush();
      index.put(ServerSnapshot.of(server), server.getCurrentLoad());
    }
    if (requeued > 0) {
      pending.rematch(requeued);
    }
  }

  /** Requeues the tasks the lost server held, each once, as a new attempt. */
  private int requeue(FulfillmentServer server, Instant now) {
    List<Task> held =
        em.createQuery(
                "SELECT t FROM Task t WHERE t.server = :server AND t.state IN :states", Task.class)
            .setParameter("server", server.getName())
            .setParameter("states", List.of(TaskState.ALLOCATED, TaskState.RUNNING))
            .getResultList();
    for (Task task : held) {
      pending.requeue(
          task,
          now,
          "server " + server.getName() + " lost; requeued as attempt " + (task.getAttempt() + 1));
    }
    new ServerLoads(em).clear(server.getName());
    return held.size();
  }
}
