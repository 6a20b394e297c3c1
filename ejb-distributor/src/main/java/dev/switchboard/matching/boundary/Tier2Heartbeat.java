package dev.switchboard.matching.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.DistributorView;
import dev.switchboard.api.Tier2Status;
import dev.switchboard.directory.boundary.DistributorDirectory;
import dev.switchboard.directory.control.BroadcastRequest;
import dev.switchboard.matching.control.ServerIndex;
import dev.switchboard.messaging.Tier2Broadcast;
import dev.switchboard.messaging.control.JmsSender;
import dev.switchboard.messaging.control.QueueDepth;
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
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tier-2 distributors of this server broadcast their attributes (health, queue depth, their
 * servers' free slots) on the status topic, which every tier-1 server receives: every few seconds
 * ({@code switchboard.tier2.heartbeatSeconds}, default 5), when an operator changes one, and when
 * asked ({@code POST /api/distributors/broadcast}).
 */
@Singleton
@Startup
@DependsOn({"DistributorDirectory", "ServerIndex"})
public class Tier2Heartbeat {

  static final String INTERVAL_PROPERTY = "switchboard.tier2.heartbeatSeconds";

  private static final Logger LOG = Logger.getLogger(Tier2Heartbeat.class.getName());

  @Resource TimerService timers;

  @EJB DistributorDirectory directory;

  @EJB ServerIndex index;

  @Inject JmsSender sender;

  @Inject QueueDepth depth;

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = INTERVAL_PROPERTY, defaultValue = "5")
  long intervalSeconds;

  @PostConstruct
  void schedule() {
    long seconds = Math.max(1, intervalSeconds);
    timers.createIntervalTimer(1_000, seconds * 1_000, new TimerConfig("tier2-heartbeat", false));
    LOG.info(() -> "Tier-2 heartbeat every " + seconds + " s");
  }

  @Timeout
  void beat() {
    try {
      publish(Tier2Status.HEARTBEAT);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Tier-2 heartbeat not sent: {0}", e.toString());
    }
  }

  /**
   * Tasks each tier-2 distributor holds PENDING for want of a server. They count towards its queue
   * limit with the tasks on its queue: matching moves a task from the queue to PENDING in
   * milliseconds when every slot is taken, so a limit on the queue alone let tier 1 accept without
   * end under overload (in one run at full rate followed by remote EJB at 2,000 tasks/s, 16,169
   * tasks went through PENDING).
   */
  private Map<String, Integer> pendingByTier2() {
    Map<String, Integer> pending = new HashMap<>();
    for (Object[] row :
        em.createNamedQuery(Task.WAITING_PER_TIER2, Object[].class)
            .setParameter("state", TaskState.PENDING)
            .getResultList()) {
      if (row[0] != null) {
        pending.put((String) row[0], ((Number) row[1]).intValue());
      }
    }
    return pending;
  }

  /** Broadcasts now, as an operator asked through the directory. */
  public void onRequest(@Observes BroadcastRequest request) {
    publish(Tier2Status.ASKED);
  }

  /**
   * Measures this server's tier-2 distributors and broadcasts their attributes, in one message.
   *
   * @param cause {@link Tier2Status#HEARTBEAT} or {@link Tier2Status#ASKED}
   */
  public void publish(String cause) {
    Map<String, int[]> capacity = index.capacityByTier2();
    Map<String, Integer> pending = pendingByTier2();
    Instant now = Instant.now();
    List<Tier2Status> statuses = new ArrayList<>();
    for (String[] tier2 : DistributorDirectory.TIER2) {
      String name = tier2[0];
      int limit =
          directory.distributors().stream()
              .filter(v -> v.name().equals(name))
              .mapToInt(DistributorView::queueLimit)
              .findFirst()
              .orElse(0);
      int[] servers = capacity.getOrDefault(name, new int[2]);
      statuses.add(
          new Tier2Status(
              name,
              true,
              depth.tasks(tier2[1], limit + 1) + pending.getOrDefault(name, 0),
              servers[0],
              servers[1],
              now,
              cause));
    }
    sender.send(Destinations.TIER2_STATUS, new Tier2Broadcast(statuses), statuses.size(), Map.of());
  }
}
