package dev.switchboard.outcome.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.matching.control.MatchingFixtures;
import dev.switchboard.matching.control.RecordingPendingTasks;
import dev.switchboard.matching.control.ServerIndex;
import dev.switchboard.messaging.StatusReport;
import dev.switchboard.task.boundary.TaskMeter;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskEvent;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.task.entity.Tier;
import dev.switchboard.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Status reports applied to tasks on a real schema: each report of the current attempt moves its
 * task once, and the slots it held are given back when the transaction commits, never before.
 */
class TaskOutcomesTest {

  static final Instant SUBMITTED = Instant.parse("2026-11-26T12:00:00Z");
  static final Instant STARTED = SUBMITTED.plusSeconds(2);
  static final Instant FINISHED = SUBMITTED.plusSeconds(5);

  TestDatabase db;
  ServerIndex index;
  RecordingPendingTasks pending;
  final List<Long> completedLatencies = new ArrayList<>();
  final List<String> failures = new ArrayList<>();
  TaskOutcomes outcomes;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    index = MatchingFixtures.index(db.transactions);
    pending = new RecordingPendingTasks(index);
    outcomes = new TaskOutcomes();
    outcomes.em = db.em;
    outcomes.index = index;
    outcomes.pending = pending;
    outcomes.meter =
        new TaskMeter() {
          @Override
          public void completed(long latencyMs) {
            completedLatencies.add(latencyMs);
          }

          @Override
          public void failed() {
            failures.add("failed");
          }
        };
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  /** Server s1 with 4 slots, of which the index counts {@code load} as taken. */
  void serverWithLoad(int load) {
    index.put(MatchingFixtures.server("s1", 4, SUBMITTED), load);
  }

  /** A task allocated to s1 as its {@code attempt}, with {@code slots} and {@code retries}. */
  long allocated(int slots, int retries, int attempt) {
    return db.inTransaction(
        em -> {
          Task task = new Task("sha256", "in", "alice", "cli-1", SUBMITTED);
          task.needs(slots, 0, null, null, Map.of());
          task.limits(30, retries);
          for (int a = 1; a < attempt; a++) {
            task.nextAttempt(null);
          }
          task.setServer("s1");
          task.moveTo(TaskState.ALLOCATED, SUBMITTED.plusSeconds(1), Tier.TIER2, "tier2-a", "x");
          em.persist(task);
          em.flush();
          return task.getId();
        });
  }

  static StatusReport report(long task, int attempt, boolean completed, String result) {
    return new StatusReport(task, attempt, "s1", completed, STARTED, FINISHED, result);
  }

  void recordAndCommit(StatusReport... reports) {
    db.begin();
    outcomes.record(List.of(reports));
    db.commit();
  }

  Task task(long id) {
    return db.read(em -> em.find(Task.class, id));
  }

  List<TaskState> history(long id) {
    return db.read(em -> em.find(Task.class, id).getEvents().stream())
        .map(TaskEvent::getState)
        .toList();
  }

  int load() {
    return index.loadOf("s1", -1);
  }

  @Test
  void aCompletedRunIsRecordedAsRunningThenCompletedAndItsSlotsFreedOnCommit() {
    serverWithLoad(2);
    long id = allocated(2, 0, 1);

    db.begin();
    outcomes.record(List.of(report(id, 1, true, "digest")));
    assertEquals(2, load(), "slots are held until the transaction commits");
    db.commit();

    assertEquals(0, load());
    Task task = task(id);
    assertEquals(TaskState.COMPLETED, task.getState());
    assertEquals("digest", task.getResult());
    assertEquals(List.of(TaskState.ALLOCATED, TaskState.RUNNING, TaskState.COMPLETED), history(id));
    TaskEvent running = task.getEvents().get(1);
    assertEquals(STARTED, running.getAt());
    assertEquals("fulfillment", running.getTier());
    assertEquals(List.of(2), pending.rematched, "the freed slots send as many waiting tasks");
    assertEquals(List.of(Duration.between(SUBMITTED, FINISHED).toMillis()), completedLatencies);
  }

  @Test
  void aFailedRunWithRetriesLeftIsPendingAsTheNextAttemptAndSentBackAfterTheBackoff() {
    serverWithLoad(1);
    long id = allocated(1, 1, 1); // one retry: the first failure is retried
    Instant before = Instant.now();

    recordAndCommit(report(id, 1, false, "exit 3"));

    Task task = task(id);
    assertEquals(TaskState.PENDING, task.getState());
    assertEquals(2, task.getAttempt());
    assertNull(task.getServer(), "off its server");
    assertTrue(!task.getNotBefore().isBefore(before.plusSeconds(1)), "" + task.getNotBefore());
    assertTrue(task.getReason().contains("(exit 3); retry 1 of 1 in 1000 ms"), task.getReason());
    assertEquals(Map.of(id, Duration.ofSeconds(1)), pending.sentLater);
    assertEquals(0, load());
    assertEquals(List.of(), failures, "a retry is no failure");
  }

  @Test
  void theLastRetryFailsTheTaskWithTheReason() {
    serverWithLoad(1);
    long id = allocated(1, 1, 2); // attempt 2 of a task with one retry: none left

    recordAndCommit(report(id, 2, false, "exit 3"));

    Task task = task(id);
    assertEquals(TaskState.FAILED, task.getState());
    assertEquals("exit 3", task.getResult());
    assertEquals(Map.of(), pending.sentLater);
    assertEquals(List.of("failed"), failures);
    assertEquals(0, load());
  }

  @Test
  void anOutputLongerThanTheColumnFailsTheTaskAtOnceWhateverItsRetries() {
    serverWithLoad(1);
    long id = allocated(1, 3, 1);

    recordAndCommit(report(id, 1, true, "x".repeat(Task.MAX_RESULT + 1)));

    Task task = task(id);
    assertEquals(TaskState.FAILED, task.getState());
    assertTrue(task.getResult().contains("more than the limit of 65,536"), task.getResult());
    assertEquals(Map.of(), pending.sentLater, "the same input would give the same output");
  }

  @Test
  void aReportOfAnEarlierAttemptChangesNothing() {
    serverWithLoad(1);
    long id = allocated(1, 0, 2);

    recordAndCommit(report(id, 1, true, "late"));

    Task task = task(id);
    assertEquals(TaskState.ALLOCATED, task.getState());
    assertNull(task.getResult());
    assertEquals(1, load(), "the current attempt still holds its slot");
    assertEquals(List.of(), pending.rematched);
    assertEquals(List.of(), completedLatencies);
  }

  @Test
  void aRedeliveredReportIsAppliedOnce() {
    serverWithLoad(3); // two more tasks of others run there
    long id = allocated(1, 0, 1);
    StatusReport done = report(id, 1, true, "digest");

    recordAndCommit(done);
    recordAndCommit(done);

    assertEquals(2, load(), "one slot given back, not two");
    assertEquals(List.of(TaskState.ALLOCATED, TaskState.RUNNING, TaskState.COMPLETED), history(id));
    assertEquals(List.of(1), pending.rematched);
    assertEquals(1, completedLatencies.size());
  }

  @Test
  void aReportForATaskCancelledOnItsServerOnlyFreesTheSlot() {
    serverWithLoad(1);
    long id = allocated(1, 0, 1);
    db.run(
        () ->
            db.em
                .find(Task.class, id)
                .moveTo(TaskState.CANCELLED, FINISHED, Tier.CLIENT, null, "cancelled"));

    recordAndCommit(report(id, 1, true, "digest"));

    Task task = task(id);
    assertEquals(TaskState.CANCELLED, task.getState());
    assertNull(task.getResult());
    assertEquals(2, task.getAttempt(), "a later report of the run is stale");
    assertEquals(0, load());
    assertEquals(List.of(1), pending.rematched);
  }

  @Test
  void aRolledBackBatchGivesNoSlotBack() {
    serverWithLoad(1);
    long id = allocated(1, 0, 1);

    db.begin();
    outcomes.record(List.of(report(id, 1, true, "digest")));
    db.rollback();

    assertEquals(1, load());
    assertEquals(TaskState.ALLOCATED, task(id).getState());
  }

  @Test
  void aReportForAnUnknownTaskIsSkippedAndTheRestOfTheBatchApplied() {
    serverWithLoad(1);
    long id = allocated(1, 0, 1);

    recordAndCommit(report(999_999, 1, true, "who?"), report(id, 1, true, "digest"));

    assertEquals(TaskState.COMPLETED, task(id).getState());
    assertEquals(0, load());
  }

  @Test
  void theBackoffDoublesFromOneSecondUpToAMinute() {
    assertEquals(Duration.ofSeconds(1), TaskOutcomes.backoff(1));
    assertEquals(Duration.ofSeconds(2), TaskOutcomes.backoff(2));
    assertEquals(Duration.ofSeconds(32), TaskOutcomes.backoff(6));
    assertEquals(Duration.ofMinutes(1), TaskOutcomes.backoff(7));
    assertEquals(Duration.ofMinutes(1), TaskOutcomes.backoff(1_000));
  }
}
