package dev.switchboard.task.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTest {

  @Test
  void everyTransitionLeavesAHistoryRow() {
    Instant t0 = Instant.parse("2026-11-26T00:00:00Z");
    Task task = new Task("sha256", "hello", "alice", "cli-1", t0);
    task.moveTo(TaskState.SUBMITTED, t0, "tier1", "FrontPool1", "accepted");
    task.setServer("local-1");
    task.moveTo(TaskState.ALLOCATED, t0.plusMillis(3), "tier2", "tier2-a", "matched");

    assertEquals(TaskState.ALLOCATED, task.getState());
    assertEquals(t0.plusMillis(3), task.getUpdatedAt());
    List<TaskEvent> events = task.getEvents();
    assertEquals(
        List.of(TaskState.SUBMITTED, TaskState.ALLOCATED),
        events.stream().map(TaskEvent::getState).toList());
    assertEquals(null, events.get(0).getServer());
    assertEquals("local-1", events.get(1).getServer());
    assertEquals("tier2-a", events.get(1).getDistributor());
  }

  @Test
  void aReasonOrResultLongerThanItsColumnIsCut() {
    Instant t0 = Instant.parse("2026-11-26T00:00:00Z");
    Task task = new Task("sha256", "hello", "alice", "cli-1", t0);
    String chain = "dead letter from status: " + "x".repeat(3_000);
    task.moveTo(TaskState.FAILED, t0, "dead-letters", null, chain);
    task.setResult("y".repeat(70_000));
    assertEquals(Task.MAX_REASON, task.getReason().length());
    assertEquals(Task.MAX_REASON, task.getEvents().get(0).getReason().length());
    assertTrue(task.getReason().startsWith("dead letter from status: "));
    assertEquals(Task.MAX_RESULT, task.getResult().length());
  }

  @Test
  void onlyCompletedFailedAndCancelledAreFinal() {
    assertTrue(TaskState.COMPLETED.isFinal());
    assertTrue(TaskState.FAILED.isFinal());
    assertTrue(TaskState.CANCELLED.isFinal());
    assertFalse(TaskState.PENDING.isFinal());
    assertFalse(TaskState.RUNNING.isFinal());
  }
}
