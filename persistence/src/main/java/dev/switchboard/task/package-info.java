/**
 * Tasks and their history. A task is created by the tier-1 pool that accepts it and changes state
 * only through {@code Task.moveTo}, which appends a {@code TaskEvent} for every transition.
 */
package dev.switchboard.task;
