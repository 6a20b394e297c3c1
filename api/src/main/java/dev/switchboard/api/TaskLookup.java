package dev.switchboard.api;

import jakarta.ejb.Remote;

/**
 * Remote read access to tasks, at {@code
 * java:global/switchboard/ejb-distributor/TaskHistory!dev.switchboard.api.TaskLookup}.
 */
@Remote
public interface TaskLookup {

  /** The task with its history, or null if there is none with that id. */
  TaskView task(long id);

  /** The explanation of the task's match as JSON, or null if there is no such task. */
  String explanation(long id);
}
