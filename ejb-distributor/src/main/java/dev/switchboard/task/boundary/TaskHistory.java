package dev.switchboard.task.boundary;

import static dev.switchboard.api.JsonProviders.JSON;

import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.TaskEventView;
import dev.switchboard.api.TaskFilter;
import dev.switchboard.api.TaskLookup;
import dev.switchboard.api.TaskPage;
import dev.switchboard.api.TaskQueries;
import dev.switchboard.api.TaskQuery;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.api.TaskTiming;
import dev.switchboard.api.TaskView;
import dev.switchboard.remote.control.FailureShield;
import dev.switchboard.task.control.TaskCursor;
import dev.switchboard.task.control.TaskOrder;
import dev.switchboard.task.control.TaskSearch;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskEvent;
import dev.switchboard.task.entity.TaskState;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads tasks and their history for clients and the console. A failure of the remote view's methods
 * ({@link TaskLookup}) reaches the client as a {@link dev.switchboard.api.ServerFailureException}
 * naming the id of its log entry ({@link FailureShield}); the local view's keep the container's
 * handling.
 */
@Stateless
@Interceptors(FailureShield.class)
public class TaskHistory implements TaskQueries, TaskLookup {

  /** The largest page a search returns. */
  static final int MAX_PAGE = TaskQuery.MAX_LIMIT;

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
        JSON.createObjectBuilder()
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

  @Override
  public TaskPage search(TaskFilter filter, int offset, int limit) {
    return search(
        new TaskQuery(
            filter, null, Math.max(0, offset), null, Math.max(1, Math.min(limit, MAX_PAGE))));
  }

  /**
   * Reads one row more than the page holds, to know whether a next page exists without counting; a
   * page before a cursor is read backwards and turned round.
   */
  @Override
  public TaskPage search(TaskQuery query) {
    int limit = query.limit();
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_PAGE);
    }
    if (query.offset() < 0) {
      throw new InvalidInputException("offset", "offset must be 0 or more");
    }
    TaskSearch search = TaskSearch.of(query.filter() == null ? TaskFilter.NONE : query.filter());
    TaskOrder order = TaskOrder.parse(query.sort());
    TaskCursor cursor = null;
    TaskOrder.Range range = null;
    if (query.cursor() != null && !query.cursor().isBlank()) {
      if (query.offset() > 0) {
        throw new InvalidInputException("cursor", "cursor: give either offset or cursor, not both");
      }
      cursor = TaskCursor.decode(query.cursor(), order.text());
      range = order.range(cursor);
    }
    boolean backward = cursor != null && !cursor.after();
    TypedQuery<Task> page =
        em.createQuery(
                "SELECT t FROM Task t"
                    + search.where(range == null ? null : range.condition())
                    + order.orderBy(backward),
                Task.class)
            .setFirstResult(query.offset())
            .setMaxResults(limit + 1);
    search.bind(page);
    if (range != null) {
      range.bind(page);
    }
    List<Task> rows = new ArrayList<>(page.getResultList());
    boolean more = rows.size() > limit;
    if (more) {
      rows = new ArrayList<>(rows.subList(0, limit));
    }
    if (backward) {
      Collections.reverse(rows);
    }
    boolean hasNext = backward || more;
    boolean hasPrevious = backward ? more : cursor != null || query.offset() > 0;
    String next = null;
    String previous = null;
    if (!rows.isEmpty()) {
      next = hasNext ? order.cursor(rows.get(rows.size() - 1), true).encode() : null;
      previous = hasPrevious ? order.cursor(rows.get(0), false).encode() : null;
    }
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(t) FROM Task t" + search.where(), Long.class);
    search.bind(count);
    List<TaskView> tasks = rows.stream().map(t -> view(t, List.of())).toList();
    return new TaskPage(tasks, count.getSingleResult(), next, previous);
  }

  @Override
  public Map<String, Long> countByState() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT t.state, COUNT(t) FROM Task t GROUP BY t.state ORDER BY t.state",
                Object[].class)
            .getResultList()) {
      counts.put(((TaskState) row[0]).name(), (Long) row[1]);
    }
    return counts;
  }

  @Override
  public List<TaskTiming> timings(long from, long to) {
    if (to < from || to - from >= MAX_TIMINGS) {
      throw new InvalidInputException(
          "to", "to: give an id range [from, to] of at most " + MAX_TIMINGS + " ids");
    }
    Map<Long, long[]> stages = new TreeMap<>();
    Map<Long, String> states = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT t.id, t.state, t.submittedAt FROM Task t WHERE t.id BETWEEN :from AND :to",
                Object[].class)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList()) {
      stages.put((Long) row[0], new long[] {((Instant) row[2]).toEpochMilli(), 0, 0, 0});
      states.put((Long) row[0], ((TaskState) row[1]).name());
    }
    for (Object[] row :
        em.createQuery(
                "SELECT e.task.id, e.state, e.at FROM TaskEvent e"
                    + " WHERE e.task.id BETWEEN :from AND :to ORDER BY e.id",
                Object[].class)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList()) {
      long[] times = stages.get((Long) row[0]);
      int stage =
          switch ((TaskState) row[1]) {
            case ALLOCATED -> 1;
            case RUNNING -> 2;
            case COMPLETED, FAILED, CANCELLED -> 3;
            default -> -1;
          };
      if (times != null && stage > 0 && times[stage] == 0) {
        times[stage] = ((Instant) row[2]).toEpochMilli();
      }
    }
    List<TaskTiming> timings = new ArrayList<>(stages.size());
    stages.forEach(
        (id, t) -> timings.add(new TaskTiming(id, states.get(id), t[0], t[1], t[2], t[3])));
    return timings;
  }

  @Override
  public Optional<TaskRequest> requestOf(long id) {
    return Optional.ofNullable(em.find(Task.class, id))
        .map(
            t ->
                new TaskRequest(
                    t.getApplication(),
                    t.getInput(),
                    t.getUser(),
                    t.getClient(),
                    t.getSlots(),
                    t.getMinPower(),
                    t.getRequirements(),
                    t.getRank(),
                    t.getAttributes(),
                    t.getTimeoutSeconds(),
                    t.getMaxRetries()));
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
