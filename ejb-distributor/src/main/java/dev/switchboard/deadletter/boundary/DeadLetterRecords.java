package dev.switchboard.deadletter.boundary;

import dev.switchboard.api.DeadLetterLog;
import dev.switchboard.deadletter.entity.DeadLetter;
import dev.switchboard.matching.control.ServerIndex;
import dev.switchboard.messaging.DispatchBatch;
import dev.switchboard.messaging.DispatchItem;
import dev.switchboard.messaging.ForwardBatch;
import dev.switchboard.messaging.MessageCodec;
import dev.switchboard.messaging.StatusBatch;
import dev.switchboard.messaging.StatusReport;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.task.entity.Tier;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fails the tasks a dead-lettered message carried, with its consumer's reason: whichever contract
 * the body holds (forward, dispatch or status batch, as text or bytes). A task that has ended is
 * left as it is; one that held a slot gives it back. Every parked message is kept as a {@link
 * DeadLetter} row, also one that names no task.
 */
@Stateless
@LocalBean // the dead-letter consumer uses the bean itself; the console, its DeadLetterLog view
public class DeadLetterRecords implements DeadLetterLog {

  static final Tier TIER = Tier.DEAD_LETTERS;

  private static final Logger LOG = Logger.getLogger(DeadLetterRecords.class.getName());

  @PersistenceContext EntityManager em;

  @EJB ServerIndex index;

  /**
   * @param body the parked message's body
   * @param source where it was consumed
   * @param why why its consumer gave up
   */
  public void record(String body, String source, String why) {
    String reason = "dead letter from " + source + ": " + why;
    List<Long> ids = taskIds(body);
    Instant now = Instant.now();
    em.persist(new DeadLetter(source, why, body, ids.size(), now));
    if (ids.isEmpty()) {
      LOG.log(Level.WARNING, "A dead-lettered message names no task ({0})", reason);
      return;
    }
    for (Long id : ids) {
      Task task = em.find(Task.class, id);
      if (task == null || task.getState().isFinal()) {
        continue;
      }
      boolean onServer =
          task.getState() == TaskState.ALLOCATED || task.getState() == TaskState.RUNNING;
      if (onServer && task.getServer() != null) {
        index.releaseOnCommit(task.getServer(), task.getSlots(), task.getUser());
      }
      task.closeAttempt();
      task.setResult(reason);
      task.moveTo(TaskState.FAILED, now, TIER, null, reason);
    }
    LOG.log(
        Level.WARNING, "Failed {0} dead-lettered tasks: {1}", new Object[] {ids.size(), reason});
  }

  @Override
  public List<Entry> recent(int limit) {
    return em.createNamedQuery(DeadLetter.RECENT, DeadLetter.class)
        .setMaxResults(limit)
        .getResultStream()
        .map(
            d ->
                new Entry(
                    d.getId(),
                    d.getSource(),
                    d.getReason(),
                    d.getBody(),
                    d.getTasks(),
                    d.getParkedAt()))
        .toList();
  }

  /** The task ids of whichever batch contract the text holds; none if it holds none. */
  static List<Long> taskIds(String text) {
    List<Long> ids = new ArrayList<>();
    if (text == null) {
      return ids;
    }
    try {
      ids.addAll(MessageCodec.fromJson(text, ForwardBatch.class).taskIds());
      return ids;
    } catch (RuntimeException notForward) {
      // try the next contract
    }
    try {
      MessageCodec.fromJson(text, DispatchBatch.class).tasks().stream()
          .map(DispatchItem::taskId)
          .forEach(ids::add);
      return ids;
    } catch (RuntimeException notDispatch) {
      // try the next contract
    }
    try {
      MessageCodec.fromJson(text, StatusBatch.class).reports().stream()
          .map(StatusReport::taskId)
          .forEach(ids::add);
    } catch (RuntimeException notStatus) {
      // none of ours
    }
    return ids;
  }
}
