package dev.switchboard.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to tasks for clients and the console. */
@Local
public interface TaskQueries {

  /** The task with its full history, if it exists. */
  Optional<TaskView> find(long id);

  /**
   * Why the matcher chose the task's server or why none fits, as a JSON object; empty if there is
   * no such task.
   */
  Optional<String> explain(long id);

  /** The newest tasks first, without their history. */
  List<TaskView> recent(int max);

  /**
   * One page of the tasks matching the filter, newest first, paged in the query.
   *
   * @throws InvalidInputException naming a filter field that is not valid (state, times)
   */
  TaskPage search(TaskFilter filter, int offset, int limit);

  /**
   * One page of a task search, filtered, sorted, counted and paged by the database (by offset or,
   * without reading what it skips, by cursor).
   *
   * @throws InvalidInputException naming the field that is not valid: a filter field, {@code sort},
   *     {@code offset}, {@code cursor} or {@code limit}
   */
  TaskPage search(TaskQuery query);

  /** How many tasks are in each state (states with none are left out). */
  Map<String, Long> countByState();

  /**
   * The stage times of the tasks with ids in [from, to], at most {@code MAX_TIMINGS} ids.
   *
   * @throws InvalidInputException naming {@code to} for a range that is reversed or too wide
   */
  List<TaskTiming> timings(long from, long to);

  /** The widest id range {@link #timings} takes at once. */
  int MAX_TIMINGS = 20_000;

  /** What was submitted, so that it can be submitted again; empty if there is no such task. */
  Optional<TaskRequest> requestOf(long id);
}
