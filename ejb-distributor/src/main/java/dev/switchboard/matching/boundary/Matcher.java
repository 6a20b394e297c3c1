package dev.switchboard.matching.boundary;

import dev.switchboard.api.DispatchBatch;
import dev.switchboard.api.DispatchItem;
import dev.switchboard.matching.control.ServerChoice;
import dev.switchboard.matching.control.ServerSnapshot;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.tier2.control.TaskDispatch;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tier 2's matcher: chooses a fulfillment server for each task of a batch from the in-memory {@link
 * ServerIndex}, records the decision on the task and dispatches the allocated tasks, one message
 * per server. A task nothing fits stays PENDING with the reason. Runs in the caller's transaction,
 * so a batch is matched whole or not at all.
 */
@Stateless
public class Matcher {

  static final String TIER = "tier2";

  private static final Logger LOG = Logger.getLogger(Matcher.class.getName());

  @PersistenceContext EntityManager em;

  @EJB ServerIndex index;

  @Inject TaskDispatch dispatch;

  /**
   * Matches the tasks with these ids that wait for a server (SUBMITTED or PENDING); others were
   * matched already and are skipped, which makes a redelivered batch harmless.
   *
   * @return how many tasks were allocated
   */
  public int match(String distributor, List<Long> taskIds) {
    List<Task> tasks =
        em.createQuery("SELECT t FROM Task t WHERE t.id IN :ids ORDER BY t.id", Task.class)
            .setParameter("ids", taskIds)
            .getResultList();
    if (tasks.size() < taskIds.size()) {
      LOG.log(
          Level.WARNING,
          "{0}: {1} of {2} forwarded tasks do not exist",
          new Object[] {distributor, taskIds.size() - tasks.size(), taskIds.size()});
    }
    Map<String, List<DispatchItem>> byServer = new LinkedHashMap<>();
    Instant now = Instant.now();
    for (Task task : tasks) {
      if (task.getState() == TaskState.SUBMITTED) {
        task.setTier2Distributor(distributor);
        task.moveTo(TaskState.FORWARDED, now, TIER, distributor, "received by " + distributor);
      } else if (task.getState() != TaskState.PENDING) {
        LOG.log(
            Level.FINE,
            "Task {0} is {1}, not matched again",
            new Object[] {task.getId(), task.getState()});
        continue;
      }
      Optional<ServerSnapshot> chosen = index.reserve(task.getApplication());
      if (chosen.isEmpty()) {
        if (task.getState() != TaskState.PENDING) {
          task.moveTo(
              TaskState.PENDING,
              now,
              TIER,
              distributor,
              ServerChoice.whyNone(index.all(), task.getApplication()));
        }
        continue;
      }
      String server = chosen.get().name();
      task.setServer(server);
      task.moveTo(TaskState.ALLOCATED, now, TIER, distributor, "matched by " + distributor);
      byServer
          .computeIfAbsent(server, s -> new ArrayList<>())
          .add(new DispatchItem(task.getId(), task.getApplication(), task.getInput()));
    }
    byServer.forEach(
        (server, items) -> {
          occupy(server, items.size());
          dispatch.dispatch(new DispatchBatch(server, items));
        });
    return byServer.values().stream().mapToInt(List::size).sum();
  }

  /** Records the slots taken in the server's row; the index already counts them. */
  private void occupy(String server, int slots) {
    em.createQuery(
            "UPDATE FulfillmentServer s SET s.currentLoad = s.currentLoad + :n WHERE s.name = :name")
        .setParameter("n", slots)
        .setParameter("name", server)
        .executeUpdate();
  }
}
