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
 * filters and pages (its indexes on state, user, application, server and submission time) and no
 * task list is ever held in memory to be filtered.
 */
public final class TaskSearch {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  private TaskSearch() {}

  /**
   * @throws InvalidInputException naming the filter field that is not valid
   */
  public static TaskSearch of(TaskFilter filter) {
    TaskSearch search = new TaskSearch();
    if (present(filter.state())) {
      search.add("t.state = :state", "state", state(filter.state()));
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
    return search;
  }

  /** " WHERE ..." or "" when nothing filters. */
  public String where() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
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
