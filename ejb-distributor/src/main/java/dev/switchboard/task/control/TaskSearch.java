package dev.switchboard.task.control;

import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.TaskFilter;
import dev.switchboard.task.entity.TaskState;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link TaskFilter} into a JPQL condition with bound parameters, so that the database
 * filters and pages (its indexes on state, user, application, server, tier-2 distributor and
 * submission time) and no task list is ever held in memory to be filtered.
 */
public final class TaskSearch {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  private TaskSearch() {}

  /** The longest free text searched for: the longest of the columns it is matched against. */
  public static final int MAX_TEXT = 128;

  /**
   * @throws InvalidInputException naming the filter field that is not valid
   */
  public static TaskSearch of(TaskFilter filter) {
    TaskSearch search = new TaskSearch();
    if (present(filter.state())) {
      List<TaskState> states = states(filter.state());
      if (states.size() == 1) {
        search.add("t.state = :state", "state", states.get(0));
      } else {
        search.add("t.state IN :states", "states", states);
      }
    }
    if (present(filter.user())) {
      search.add("t.user = :user", "user", filter.user().trim());
    }
    if (present(filter.application())) {
      search.add("t.application = :application", "application", filter.application().trim());
    }
    if (present(filter.server())) {
      search.add("t.server = :server", "server", filter.server().trim());
    }
    if (present(filter.distributor())) {
      search.add("t.tier2Distributor = :distributor", "distributor", filter.distributor().trim());
    }
    if (present(filter.submittedFrom())) {
      search.add(
          "t.submittedAt >= :from", "from", instant("submittedFrom", filter.submittedFrom()));
    }
    if (present(filter.submittedBefore())) {
      search.add(
          "t.submittedAt < :before",
          "before",
          instant("submittedBefore", filter.submittedBefore()));
    }
    if (present(filter.text())) {
      search.text(filter.text().trim());
    }
    return search;
  }

  /**
   * One word against the indexed columns a user would look for, each an equality (a substring
   * search could not use an index and would read the whole table).
   */
  private void text(String text) {
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException(
          "text", "text: at most " + MAX_TEXT + " characters, not " + text.length());
    }
    String named =
        "t.application = :text OR t.user = :text OR t.server = :text"
            + " OR t.tier2Distributor = :text";
    parameters.put("text", text);
    Long id = id(text);
    if (id == null) {
      conditions.add("(" + named + ")");
    } else {
      conditions.add("(t.id = :textId OR " + named + ")");
      parameters.put("textId", id);
    }
  }

  private static Long id(String text) {
    try {
      return Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** " WHERE ..." or "" when nothing filters. */
  public String where() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** The filter's conditions and one more (e.g. where a page starts), or the filter's alone. */
  public String where(String andAlso) {
    if (andAlso == null) {
      return where();
    }
    List<String> all = new ArrayList<>(conditions);
    all.add(andAlso);
    return " WHERE " + String.join(" AND ", all);
  }

  public Map<String, Object> parameters() {
    return parameters;
  }

  public void bind(Query query) {
    parameters.forEach(query::setParameter);
  }

  private void add(String condition, String name, Object value) {
    conditions.add(condition);
    parameters.put(name, value);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static List<TaskState> states(String text) {
    List<TaskState> states = new ArrayList<>();
    for (String one : text.split(",", -1)) {
      TaskState state = state(one);
      if (!states.contains(state)) {
        states.add(state);
      }
    }
    return states;
  }

  private static TaskState state(String text) {
    try {
      return TaskState.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "state", "state: unknown state '" + text + "'; one of " + List.of(TaskState.values()));
    }
  }

  private static Instant instant(String field, String text) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, field + ": not an ISO-8601 instant such as 2026-11-26T08:00:00Z: '" + text + "'");
    }
  }
}
