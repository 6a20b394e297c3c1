package dev.switchboard.api;

import java.util.List;

/**
 * One page of a task search and how many tasks match in all.
 *
 * @param tasks the page (without histories)
 * @param total every match
 * @param next the cursor of the page after this one, or null if this is the last
 * @param previous the cursor of the page before this one, or null if this is the first
 */
public record TaskPage(List<TaskView> tasks, long total, String next, String previous) {

  /** A page without cursors. */
  public TaskPage(List<TaskView> tasks, long total) {
    this(tasks, total, null, null);
  }
}
