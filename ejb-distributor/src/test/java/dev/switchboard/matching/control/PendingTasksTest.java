package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.DistributorView;
import dev.switchboard.api.Tier2Status;
import dev.switchboard.directory.boundary.DistributorDirectory;
import dev.switchboard.messaging.control.TaskForwarding;
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
 * Waiting tasks go back to tier 2 by priority, then age, each once while it is on its way, and only
 * when a tier-2 distributor can take them; a task taken off its server is a new attempt.
 */
class PendingTasksTest {

  static final Instant T = Instant.parse("2026-11-26T12:00:00Z");
  static final DistributorView TIER2_A =
      new DistributorView(
          "tier2-a",
          2,
          1,
          "UP",
          "jms/tier2-a",
          10,
          new Tier2Status("tier2-a", true, 0, 1, 1, T, null),
          null);

  /** One forwarding: where, which tasks, after what delay. */
  record Forwarded(String destination, List<Long> taskIds, Duration delay) {}

  TestDatabase db;
  ServerIndex index;
  final List<Forwarded> forwarded = new ArrayList<>();
  DistributorView target = TIER2_A;
  PendingTasks pending;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    index = MatchingFixtures.index(db.transactions);
    pending = new PendingTasks();
    pending.em = db.em;
    pending.index = index;
    pending.resends = new ResendGuard();
    pending.transactions = db.transactions;
    pending.directory =
        new DistributorDirectory() {
          @Override
          public DistributorView requeueTarget() {
            return target;
          }
        };
    pending.forwarding =
        new TaskForwarding() {
          @Override
          public void forward(String destination, List<Long> taskIds) {
            forward(destination, taskIds, Duration.ZERO);
          }

          @Override
          public void forward(String destination, List<Long> taskIds, Duration delay) {
            forwarded.add(new Forwarded(destination, taskIds, delay));
          }
        };
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  /** A task waiting PENDING, matched with its user's {@code priority}, due at {@code notBefore}. */
  long waiting(int priority, Instant notBefore) {
    return db.inTransaction(
        em -> {
          Task task = new Task("sha256", "in", "alice", "cli-1", T);
          if (notBefore != null) {
            task.nextAttempt(notBefore);
          }
          task.setPriority(priority);
          task.moveTo(TaskState.PENDING, T, Tier.TIER2, "tier2-a", "no server");
          em.persist(task);
          em.flush();
          return task.getId();
        });
  }

  /** Re-matches at most {@code max} tasks in a transaction that commits; the ids sent. */
  List<Long> rematch(int max) {
    int before = forwarded.size();
    db.begin();
    int sent = pending.rematch(max);
    db.commit();
    List<Long> ids =
        forwarded.size() == before ? List.of() : forwarded.get(forwarded.size() - 1).taskIds();
    assertEquals(ids.size(), sent, "it says how many it sent");
    return ids;
  }

  @Test
  void aHigherPriorityWinsTheFreedSlotOverAnOlderTask() {
    long older = waiting(0, null);
    long urgent = waiting(5, null);

    assertEquals(List.of(urgent), rematch(1), "priority first");
    assertEquals(List.of(older), rematch(1), "then the older, once the first is on its way");
  }

  @Test
  void amongEqualPrioritiesTheOldestGoFirstAndOnlyTasksDueNow() {
    long first = waiting(0, null);
    long second = waiting(0, null);
    waiting(9, Instant.now().plus(Duration.ofHours(1))); // a retry waiting out its backoff
    long third = waiting(0, null);
    long dueRetry = waiting(0, Instant.now().minusSeconds(1));
    db.run(
        () -> {
          Task running = new Task("sha256", "in", "bob", "cli-1", T);
          running.setPriority(9);
          running.moveTo(TaskState.RUNNING, T, Tier.FULFILLMENT, null, "running");
          db.em.persist(running);
        });

    assertEquals(List.of(first, second), rematch(2));
    assertEquals(List.of(third, dueRetry), rematch(10));
    assertEquals(
        new Forwarded("jms/tier2-a", List.of(first, second), Duration.ZERO), forwarded.get(0));
  }

  @Test
  void tasksOnTheirWayAreNotSentAgainUnlessTheSendingRolledBack() {
    long a = waiting(0, null);
    long b = waiting(0, null);

    db.begin();
    pending.rematch(10);
    db.rollback();
    assertEquals(List.of(a, b), rematch(10), "a rolled-back sending sent nothing");
    assertEquals(List.of(), rematch(10), "both are on their way");
  }

  @Test
  void withoutATier2DistributorNothingIsSentNorRemembered() {
    long a = waiting(0, null);
    target = null;
    assertEquals(List.of(), rematch(10));
    boolean sent = db.inTransaction(em -> pending.sendLater(a, Duration.ofSeconds(1)));
    assertFalse(sent);
    assertEquals(List.of(), forwarded);

    target = TIER2_A;
    assertEquals(List.of(a), rematch(10), "a later re-match sends it");
  }

  @Test
  void aRetrySentLaterIsNotSentAgainByAReMatch() {
    long retry = waiting(0, null);

    boolean sent = db.inTransaction(em -> pending.sendLater(retry, Duration.ofSeconds(4)));
    assertTrue(sent);

    assertEquals(
        List.of(new Forwarded("jms/tier2-a", List.of(retry), Duration.ofSeconds(4))), forwarded);
    assertEquals(List.of(), rematch(10));
  }

  @Test
  void aTaskThatFitsNowhereWaitsForAServerChangeNotForFreedSlots() {
    long fitsNowhere = waiting(0, null);
    db.run(
        () -> pending.resends.matched(db.transactions, List.of(fitsNowhere), List.of(fitsNowhere)));

    assertEquals(List.of(), rematch(10));
    db.begin();
    assertEquals(1, pending.rematchAfterServerChange(10));
    db.commit();
    assertEquals(List.of(fitsNowhere), forwarded.get(0).taskIds());
  }

  @Test
  void aRequeuedTaskIsANewAttemptPendingAtTier2AndItsSlotsFreedOnCommit() {
    index.put(MatchingFixtures.server("s1", 4, T), 2);
    long id =
        db.inTransaction(
            em -> {
              Task task = new Task("sha256", "in", "alice", "cli-1", T);
              task.needs(2, 0, null, null, Map.of());
              task.setTier2Distributor("tier2-a");
              task.setServer("s1");
              task.moveTo(TaskState.RUNNING, T, Tier.FULFILLMENT, null, "started");
              em.persist(task);
              em.flush();
              return task.getId();
            });

    db.begin();
    pending.requeue(db.em.find(Task.class, id), T.plusSeconds(60), "server s1 lost");
    assertEquals(2, index.loadOf("s1", -1), "held until the commit");
    db.commit();

    assertEquals(0, index.loadOf("s1", -1));
    Task task = db.read(em -> em.find(Task.class, id));
    assertEquals(TaskState.PENDING, task.getState());
    assertEquals(2, task.getAttempt());
    assertNull(task.getServer());
    assertNull(task.getNotBefore(), "matched again at once");
    TaskEvent last = task.getEvents().get(task.getEvents().size() - 1);
    assertEquals("tier2", last.getTier());
    assertEquals("tier2-a", last.getDistributor());
    assertEquals("server s1 lost", last.getReason());
  }
}
