package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.api.ClientProfileView;
import dev.switchboard.api.UserProfileView;
import dev.switchboard.distributor.entity.Distributor;
import dev.switchboard.matching.control.MatchEngine.Decision;
import dev.switchboard.server.entity.FulfillmentServer;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.task.entity.Tier;
import dev.switchboard.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The index counts load and users' running tasks as the transactions kept them: built at start from
 * the tasks on servers, taken by a decision at once and given back if it rolls back, given back by
 * a finished task only once its transaction commits.
 */
class ServerIndexTest {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  TestDatabase db;
  ServerIndex index;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    index = MatchingFixtures.index(db.em, db.transactions);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  static TaskSpec task(String user, int maxConcurrent) {
    return new TaskSpec(
        1,
        "sha256",
        1,
        0,
        null,
        null,
        Map.of(),
        new UserProfileView(user, 0, maxConcurrent, List.of(), Map.of(), Map.of()),
        new ClientProfileView("cli-1", "zone-a", "internal", Map.of()));
  }

  void onServer(String server, String user, TaskState state, int slots) {
    db.run(
        () -> {
          Task task = new Task("sha256", "in", user, "cli-1", NOW);
          task.needs(slots, 0, null, null, Map.of());
          task.setServer(server);
          task.moveTo(state, NOW, Tier.TIER2, "tier2-a", "x");
          db.em.persist(task);
        });
  }

  String decide(TaskSpec task) {
    Decision decision = index.decide(task, NOW);
    return decision.server() == null ? null : decision.server().name();
  }

  @Test
  void atStartTheLoadIsWhatTheTasksOnServersHold() {
    db.run(
        () -> {
          db.em.persist(new Distributor("tier2-a", 2, 1, "jms/switchboard/tier2-a"));
          db.em.flush();
          db.em.persist(new FulfillmentServer("s1", "tier2-a", 4, Set.of("sha256")));
          db.em.persist(new FulfillmentServer("s2", "tier2-a", 4, Set.of("sha256")));
        });
    onServer("s1", "alice", TaskState.ALLOCATED, 2);
    onServer("s1", "alice", TaskState.RUNNING, 1);
    onServer("s1", "bob", TaskState.COMPLETED, 1);
    onServer(null, "alice", TaskState.PENDING, 1);

    MatchingFixtures.load(index);

    assertEquals(Map.of("s1", 3, "s2", 0), index.loads());
    int[] capacity = index.capacityByTier2().get("tier2-a");
    assertEquals(2, capacity[0], "servers");
    assertEquals(5, capacity[1], "free slots");
    assertNull(decide(task("alice", 2)), "alice runs two tasks already");
    assertEquals("s2", decide(task("bob", 2)), "the least loaded");
  }

  @Test
  void aDecisionTakesTheSlotAtOnceAndARollbackGivesItBack() {
    index.put(MatchingFixtures.server("s1", 1, NOW), 0);

    assertEquals("s1", decide(task("alice", 0)));
    assertEquals(1, index.loadOf("s1", -1));
    assertNull(decide(task("bob", 0)), "the slot is taken before the commit");
    db.transactions.end(false);
    assertEquals(0, index.loadOf("s1", -1));

    assertEquals("s1", decide(task("alice", 0)));
    db.transactions.end(true);
    assertEquals(1, index.loadOf("s1", -1), "a commit keeps it");
  }

  @Test
  void aFinishedTaskGivesItsSlotAndItsUsersTurnBackOnlyOnceItsTransactionCommits() {
    index.put(MatchingFixtures.server("s1", 4, NOW), 0);
    assertEquals("s1", decide(task("carl", 1)));
    db.transactions.end(true);
    assertNull(decide(task("carl", 1)), "carl's one turn is taken");

    index.releaseOnCommit("s1", 1, "carl");
    db.transactions.end(false);
    assertEquals(1, index.loadOf("s1", -1), "a rolled-back report frees nothing");

    index.releaseAllOnCommit(List.of(new ServerIndex.Release("s1", 1, "carl")));
    assertEquals(1, index.loadOf("s1", -1));
    db.transactions.end(true);
    assertEquals(0, index.loadOf("s1", -1));
    assertEquals("s1", decide(task("carl", 1)), "carl has his turn back");
  }

  @Test
  void aReservationWhoseTransactionNeverEndsIsGivenBackAfterTheLimitOnce() {
    index.put(MatchingFixtures.server("s1", 4, NOW), 1); // one slot held by another task
    decide(task("alice", 0));
    decide(task("alice", 0));

    assertEquals(0, index.releaseAbandoned(Duration.ofMinutes(1), NOW.plusSeconds(30)));
    assertEquals(3, index.loadOf("s1", -1));
    assertEquals(2, index.releaseAbandoned(Duration.ofMinutes(1), NOW.plusSeconds(61)));
    assertEquals(1, index.loadOf("s1", -1));

    db.transactions.end(false); // the lost transaction reports its end after all
    assertEquals(1, index.loadOf("s1", -1), "given back once");
    assertEquals(0, index.releaseAbandoned(Duration.ofMinutes(1), NOW.plusSeconds(120)));
  }

  @Test
  void newAttributesKeepTheLoadTheIndexCounts() {
    index.put(MatchingFixtures.server("s1", 4, NOW), 3);
    index.put(MatchingFixtures.server("s1", 8, NOW.plusSeconds(5)), 0);
    assertEquals(3, index.loadOf("s1", -1));
    assertEquals(5, index.capacityByTier2().get("tier2-a")[1]);
    assertEquals(7, index.loadOf("unknown", 7));
  }

  @Test
  void aReleaseLostWithAFailedCommitIsGivenBackOnceTwoReconciliationsAgree() {
    index.put(MatchingFixtures.server("s1", 4, NOW), 0);
    index.put(MatchingFixtures.server("s2", 4, NOW), 0);
    decide(task("dora", 0));
    db.transactions.end(true); // dora's task was allocated to s1
    index.releaseOnCommit("s1", 1, "dora");
    db.transactions.end(false); // its report's commit was reported failed; the database kept it

    decide(task("erin", 0)); // a decision still in its transaction holds a slot on s1 or s2
    assertEquals(0, index.reconcile(Map.of()), "a first look at an excess gives nothing back");
    assertEquals(2, index.loadOf("s1", -1) + index.loadOf("s2", -1));
    assertEquals(1, index.reconcile(Map.of()), "the same figures again: the lost release");
    assertEquals(1, index.loadOf("s1", -1) + index.loadOf("s2", -1), "erin's slot stays");
    assertEquals(0, index.reconcile(Map.of()));
  }

  @Test
  void aServerWhoseWorkMovesIsNotReconciled() {
    index.put(MatchingFixtures.server("s1", 4, NOW), 2);
    assertEquals(0, index.reconcile(Map.of("s1", 1)));
    index.put(MatchingFixtures.server("s1", 4, NOW.plusSeconds(1)), 0);
    decide(task("fred", 0));
    db.transactions.end(true); // a task allocated: the load moved to 3
    assertEquals(0, index.reconcile(Map.of("s1", 1)), "the figures changed: nothing given back");
    assertEquals(3, index.loadOf("s1", -1));
    assertEquals(0, index.reconcile(Map.of("s1", 3)), "what the database has: no excess");
  }
}
