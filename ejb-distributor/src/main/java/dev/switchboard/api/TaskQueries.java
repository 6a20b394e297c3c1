package dev.switchboard.api;

import jakarta.ejb.Local;
import java.util.List;
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
}
