package dev.switchboard.matching.boundary;

import dev.switchboard.api.Batches;
import dev.switchboard.api.DistributorView;
import dev.switchboard.directory.boundary.DistributorDirectory;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.tier1.control.TaskForwarding;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Sends waiting tasks back to tier 2 when something changed that may let them run: capacity was
 * freed or a server registered or changed its attributes. Highest user priority first, then oldest.
 */
@Stateless
public class PendingTasks {

  @PersistenceContext EntityManager em;

  @EJB DistributorDirectory directory;

  @Inject TaskForwarding forwarding;

  /**
   * @param max most tasks to send in this one message
   * @return how many were sent
   */
  public int rematch(int max) {
    List<Long> pending =
        em
            .createNamedQuery(Task.WAITING_BY_PRIORITY, Task.class)
            .setParameter("state", TaskState.PENDING)
            .setParameter("now", Instant.now())
            .setMaxResults(Math.min(max, Batches.MAX_ITEMS))
            .getResultList()
            .stream()
            .map(Task::getId)
            .toList();
    DistributorView tier2 = directory.chooseTier2().chosen();
    if (pending.isEmpty() || tier2 == null) {
      return 0;
    }
    forwarding.forward(tier2.destination(), pending);
    return pending.size();
  }
}
