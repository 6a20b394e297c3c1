package dev.switchboard.task.boundary;

import dev.switchboard.api.TaskEventView;
import dev.switchboard.api.TaskLookup;
import dev.switchboard.api.TaskQueries;
import dev.switchboard.api.TaskView;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskEvent;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads tasks and their history for clients and the console. */
@Stateless
public class TaskHistory implements TaskQueries, TaskLookup {

  @PersistenceContext EntityManager em;

  @Override
  public Optional<TaskView> find(long id) {
    return Optional.ofNullable(em.find(Task.class, id))
        .map(t -> view(t, t.getEvents().stream().map(TaskHistory::view).toList()));
  }

  @Override
  public Optional<String> explain(long id) {
    Task task = em.find(Task.class, id);
    if (task == null) {
      return Optional.empty();
    }
    if (task.getExplanation() != null) {
      return Optional.of(task.getExplanation());
    }
    return Optional.of(
        Json.createObjectBuilder()
            .add("outcome", "not matched yet")
            .add("summary", "task is " + task.getState() + " and has not been matched")
            .build()
            .toString());
  }

  @Override
  public TaskView task(long id) {
    return find(id).orElse(null);
  }

  @Override
  public String explanation(long id) {
    return explain(id).orElse(null);
  }

  @Override
  public List<TaskView> recent(int max) {
    return em.createNamedQuery(Task.RECENT, Task.class).setMaxResults(max).getResultList().stream()
        .map(t -> view(t, List.of()))
        .toList();
  }

  private static TaskView view(Task t, List<TaskEventView> events) {
    return new TaskView(
        t.getId(),
        t.getApplication(),
        t.getUser(),
        t.getClient(),
        t.getSlots(),
        t.getMinPower(),
        t.getRequirements(),
        t.getRank(),
        t.getPriority(),
        t.getAttempt(),
        t.getState().name(),
        t.getResult(),
        t.getReason(),
        t.getTier1Pool(),
        t.getTier1Skipped(),
        t.getTier2Distributor(),
        t.getServer(),
        text(t.getSubmittedAt()),
        text(t.getUpdatedAt()),
        events);
  }

  /** Times travel as ISO-8601 text: IIOP cannot marshal java.time types. */
  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static TaskEventView view(TaskEvent e) {
    return new TaskEventView(
        e.getState().name(),
        text(e.getAt()),
        e.getTier(),
        e.getDistributor(),
        e.getServer(),
        e.getReason());
  }
}
