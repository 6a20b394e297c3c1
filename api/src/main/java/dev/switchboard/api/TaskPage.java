package dev.switchboard.api;

import java.util.List;

/**
 * One page of a task search, newest first, and how many tasks match in all.
 *
 * @param tasks the page (without histories)
 * @param total every match
 */
public record TaskPage(List<TaskView> tasks, long total) {}
