package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.ClientProfileView;
import dev.switchboard.api.UserProfileView;
import dev.switchboard.matching.control.MatchEngine.Decision;
import dev.switchboard.messaging.MessageCodec;
import dev.switchboard.server.entity.ServerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One hostile task's expressions hurt that task alone: the others of its batch are matched. */
class MatchIsolationTest {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  final Expressions expressions = new Expressions();
  final ServerTable table = new ServerTable();
  final MatchEngine engine = new MatchEngine(MatchPolicy.defaults());
  long ids;

  @BeforeEach
  void fleet() {
    List<Object> tags = IntStream.range(0, 32).mapToObj(i -> (Object) ("tag-" + i)).toList();
    for (int i = 0; i < 400; i++) {
      String name = String.format("s%03d", i);
      table.put(
          new ServerSnapshot(
              name,
              "tier2-a",
              ServerState.UP,
              4,
              Set.of("sha256"),
              100,
              50,
              NOW,
              "zone-a",
              i == 0 ? Map.of("tags", tags) : Map.of("tags", tags, "cores", 8.0)),
          0);
    }
  }

  TaskSpec task(String user, String requirements, String rank) {
    return new TaskSpec(
        ++ids,
        "sha256",
        1,
        0,
        expressions.compile(Expressions.REQUIREMENTS, requirements),
        expressions.compile(Expressions.RANK, rank),
        Map.of(),
        UserProfileView.anonymous(user),
        new ClientProfileView("cli-1", "zone-a", "internal", Map.of()));
  }

  /** Decides the tasks in turn, as a batch is decided, reserving what each is given. */
  List<Decision> batch(TaskSpec... tasks) {
    return java.util.Arrays.stream(tasks)
        .map(
            t -> {
              Decision d = engine.decide(t, table, 0, NOW);
              if (d.server() != null) {
                engine.reserve(d.server(), t.slots());
              }
              return d;
            })
        .toList();
  }

  @Test
  void aTaskWhoseEvaluationsExceedTheBudgetFailsAloneAndQuickly() {
    // accepted at submission (two nested loops over a list attribute), but never true: every one
    // of the 400 servers would be evaluated, 32 x 32 iterations each
    String costly =
        "server.attributes.tags.exists(a, server.attributes.tags.exists(b, a + b == 'none'))";
    assertEquals(Optional.empty(), expressions.check(Expressions.REQUIREMENTS, costly));
    long started = System.nanoTime();
    List<Decision> decisions =
        batch(task("alice", null, null), task("mallory", costly, null), task("bob", null, null));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    Decision hostile = decisions.get(1);
    assertNull(hostile.server());
    assertNotNull(hostile.failure());
    assertTrue(hostile.failure().contains("exceed the evaluation"), hostile.failure());
    assertEquals("failed", hostile.explanation().outcome());
    assertNotNull(decisions.get(0).server(), "the task before it is matched");
    assertNotNull(decisions.get(2).server(), "the task after it is matched");
    assertTrue(took.toMillis() < 5_000, "bounded: took " + took);
  }

  @Test
  void theStepBudgetNamesItsLimit() {
    MatchEngine strict =
        new MatchEngine(
            new MatchPolicy(
                Duration.ofSeconds(60),
                100,
                MatchPolicy.DEFAULT_WEIGHTS,
                5_000,
                Duration.ofMinutes(1)));
    String costly =
        "server.attributes.tags.exists(a, server.attributes.tags.exists(b, a == b + 'x'))";
    Decision d = strict.decide(task("mallory", costly, null), table, 0, NOW);
    assertEquals(
        "not matched: its expressions exceed the evaluation budget of 5000 steps per decision",
        d.failure());
    assertNotNull(strict.decide(task("alice", null, null), table, 0, NOW).server());
  }

  @Test
  void aCheapLoopingRequirementStaysWithinTheBudget() {
    Decision d =
        engine.decide(
            task("carol", "server.attributes.tags.exists(t, t == 'tag-31')", null), table, 0, NOW);
    assertNull(d.failure());
    assertNotNull(d.server());
  }

  @Test
  void anInfiniteRankExcludesEveryServerForThatTaskOnlyAndTheExplanationSaysWhy() {
    List<Decision> decisions =
        batch(
            task("alice", null, null),
            task("mallory", null, "1.0/0.0"),
            task("eve", null, "0.0/0.0"),
            task("bob", null, "server.power"));
    assertNotNull(decisions.get(0).server());
    assertNotNull(decisions.get(3).server());
    for (Decision bad : List.of(decisions.get(1), decisions.get(2))) {
      assertNull(bad.server());
      assertNull(bad.failure(), "not failed: it waits, excluded by its score");
      Explanation why = bad.explanation();
      assertEquals(400, why.excluded().get("score"), why.toString());
      assertTrue(why.summary().contains("excluded by score"), why.summary());
      assertTrue(why.closest().get(0).lacked().contains("not a finite number"), why.toString());
      // the explanation is stored as JSON: it must be writable
      String json = MessageCodec.toJson(why);
      assertTrue(json.contains("\"score\":400"), json);
    }
  }

  @Test
  void aRankThatFailsOnOneServerExcludesThatServerOnly() {
    // s000 has no cores attribute: its rank cannot be evaluated
    Decision d = engine.decide(task("dave", null, "server.attributes.cores * 1.0"), table, 0, NOW);
    assertNotNull(d.server());
    assertTrue(!d.server().name().equals("s000"));
    assertTrue(Double.isFinite(d.explanation().score().get("total")));
  }
}
