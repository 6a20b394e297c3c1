package dev.switchboard.task.control;

import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.TaskQuery;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of a task search ({@code id}, {@code submittedAt} or {@code state}, ascending, or
 * descending with a leading {@code -}), always with the id as the tie-break in the same direction,
 * so that the order is total and matches an index on (key, ID). It also turns a {@link TaskCursor}
 * into the range condition where the next or previous page starts.
 */
public final class TaskOrder {

  /** What a task list can be sorted by. */
  enum Key {
    ID("id", null),
    SUBMITTED_AT("submittedAt", "t.submittedAt"),
    STATE("state", "t.state");

    final String name;
    final String path;

    Key(String name, String path) {
      this.name = name;
      this.path = path;
    }
  }

  static final List<String> NAMES = Arrays.stream(Key.values()).map(k -> k.name).toList();

  private final Key key;
  private final boolean descending;

  private TaskOrder(Key key, boolean descending) {
    this.key = key;
    this.descending = descending;
  }

  /**
   * @param sort e.g. {@code -submittedAt}; null or blank for newest first
   * @throws InvalidInputException naming {@code sort} for an unknown key
   */
  public static TaskOrder parse(String sort) {
    String text = sort == null || sort.isBlank() ? TaskQuery.NEWEST_FIRST : sort.trim();
    boolean descending = text.startsWith("-");
    String name = descending || text.startsWith("+") ? text.substring(1) : text;
    for (Key key : Key.values()) {
      if (key.name.equals(name)) {
        return new TaskOrder(key, descending);
      }
    }
    throw new InvalidInputException(
        "sort",
        "sort: unknown key '" + sort + "'; one of " + NAMES + ", with a leading - for descending");
  }

  /** The order as a client writes it, e.g. {@code -id}. */
  public String text() {
    return (descending ? "-" : "") + key.name;
  }

  /** " ORDER BY ...", the other way round when reading backwards from a cursor. */
  public String orderBy(boolean reversed) {
    String direction = descending != reversed ? " DESC" : " ASC";
    return " ORDER BY "
        + (key.path == null ? "" : key.path + direction + ", ")
        + "t.id"
        + direction;
  }

  /** The cursor just after (or before) the task in this order. */
  public TaskCursor cursor(Task task, boolean after) {
    String value =
        switch (key) {
          case ID -> "";
          case SUBMITTED_AT -> task.getSubmittedAt().toString();
          case STATE -> task.getState().name();
        };
    return new TaskCursor(text(), after, value, task.getId());
  }

  /**
   * The condition that selects the tasks after (or before) the cursor in this order, with its
   * parameters.
   *
   * @throws InvalidInputException naming {@code cursor} if its key is not of this order's type
   */
  public Range range(TaskCursor cursor) {
    boolean greater = cursor.after() != descending;
    String compare = greater ? " > " : " < ";
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("cursorId", cursor.id());
    String tie = "t.id" + compare + ":cursorId";
    return switch (key) {
      case ID -> new Range(tie, parameters);
      case SUBMITTED_AT -> {
        parameters.put("cursorKey", instant(cursor.key()));
        yield new Range(
            "(t.submittedAt"
                + compare
                + ":cursorKey OR (t.submittedAt = :cursorKey AND "
                + tie
                + "))",
            parameters);
      }
      case STATE -> stateRange(state(cursor.key()), greater, tie, parameters);
    };
  }

  /**
   * States are stored by name and sorted as text; JPQL compares enums only for equality, so the
   * states beyond the cursor's are listed.
   */
  private static Range stateRange(
      TaskState state, boolean greater, String tie, Map<String, Object> parameters) {
    List<TaskState> beyond =
        Arrays.stream(TaskState.values())
            .filter(s -> greater == (s.name().compareTo(state.name()) > 0) && s != state)
            .toList();
    parameters.put("cursorKey", state);
    String same = "(t.state = :cursorKey AND " + tie + ")";
    if (beyond.isEmpty()) {
      return new Range(same, parameters);
    }
    parameters.put("cursorStates", beyond);
    return new Range("(t.state IN :cursorStates OR " + same + ")", parameters);
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("cursor", TaskCursor.NOT_A_CURSOR);
    }
  }

  private static TaskState state(String text) {
    try {
      return TaskState.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("cursor", TaskCursor.NOT_A_CURSOR);
    }
  }

  /** A JPQL condition over {@code t} and the parameters it names. */
  public record Range(String condition, Map<String, Object> parameters) {

    public void bind(Query query) {
      parameters.forEach(query::setParameter);
    }
  }
}
