package dev.switchboard.task.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskTest {

  @Test
  void everyTransitionLeavesAHistoryRow() {
    Instant t0 = Instant.parse("2026-11-26T00:00:00Z");
    Task task = new Task("sha256", "hello", "alice", "cli-1", t0);
    task.moveTo(TaskState.SUBMITTED, t0, Tier.TIER1, "FrontPool1", "accepted");
    task.setServer("local-1");
    task.moveTo(TaskState.ALLOCATED, t0.plusMillis(3), Tier.TIER2, "tier2-a", "matched");

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
    task.moveTo(TaskState.FAILED, t0, Tier.DEAD_LETTERS, null, chain);
    task.setResult("y".repeat(70_000));
    assertEquals(Task.MAX_REASON, task.getReason().length());
    assertEquals(Task.MAX_REASON, task.getEvents().get(0).getReason().length());
    assertTrue(task.getReason().startsWith("dead letter from status: "));
    assertEquals(Task.MAX_RESULT, task.getResult().length());
  }

  @Test
  void anOutputIsKeptWholeOrNotAtAll() {
    Task task = new Task("sort", "3,1,2", "alice", "cli-1", Instant.EPOCH);
    String longest = "9".repeat(Task.MAX_RESULT);
    task.setOutput(longest);
    assertEquals(longest, task.getResult());
    assertEquals(Optional.empty(), Task.resultTooLong(longest));
    String tooLong = "9".repeat(78_000);
    assertEquals(
        Optional.of("result is 78,000 characters, more than the limit of 65,536"),
        Task.resultTooLong(tooLong));
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> task.setOutput(tooLong));
    assertEquals(
        "result is 78,000 characters, more than the limit of 65,536", refused.getMessage());
    assertEquals(longest, task.getResult(), "a refused output leaves the result as it was");
  }

  @Test
  void aLongNoteOfSkippedPoolsIsCutToItsColumn() {
    Task task = new Task("sha256", "x", "alice", "cli-1", Instant.EPOCH);
    task.acceptedBy("FrontPool1", "p: " + "x".repeat(5_000));
    assertEquals(Task.MAX_SKIPPED, task.getTier1Skipped().length());
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
