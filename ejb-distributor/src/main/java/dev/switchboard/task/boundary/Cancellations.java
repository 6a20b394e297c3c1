package dev.switchboard.task.boundary;

import dev.switchboard.api.ConflictException;
import dev.switchboard.api.TaskControl;
import dev.switchboard.api.TaskQueries;
import dev.switchboard.api.TaskView;
import dev.switchboard.api.UnknownNameException;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.task.entity.Tier;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Cancels tasks. A task still waiting for a server ends at once; one already on a server is marked
 * cancelled and its run's report, when it comes, only frees the slot (see {@code TaskOutcomes}).
 */
@Stateless
public class Cancellations implements TaskControl {

  @PersistenceContext EntityManager em;

  @EJB TaskQueries history;

  @Override
  public TaskView cancel(long id) {
    Task task = em.find(Task.class, id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    if (task == null) {
      throw new UnknownNameException("id", "no task with id '" + id + "'");
    }
    if (task.getState().isFinal()) {
      throw new ConflictException("id", "task " + id + " has already ended: " + task.getState());
    }
    boolean onServer =
        task.getState() == TaskState.ALLOCATED || task.getState() == TaskState.RUNNING;
    task.moveTo(
        TaskState.CANCELLED,
        Instant.now(),
        Tier.CLIENT,
        null,
        onServer
            ? "cancelled while on " + task.getServer() + "; its slot is freed when the run ends"
            : "cancelled before it reached a server");
    em.flush();
    return history.find(id).orElseThrow();
  }
}
