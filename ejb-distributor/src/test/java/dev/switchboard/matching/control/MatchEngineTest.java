package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.ClientProfileView;
import dev.switchboard.api.UserProfileView;
import dev.switchboard.matching.control.MatchEngine.Decision;
import dev.switchboard.server.entity.ServerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatchEngineTest {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  final Expressions expressions = new Expressions();
  ServerTable table;
  MatchEngine engine;

  @BeforeEach
  void setUp() {
    table = new ServerTable();
    engine = new MatchEngine(MatchPolicy.defaults());
  }

  static ServerSnapshot server(
      String name, String zone, int slots, double power, double idle, String... apps) {
    return server(name, ServerState.UP, zone, slots, power, idle, NOW, Map.of(), apps);
  }

  static ServerSnapshot server(
      String name,
      ServerState state,
      String zone,
      int slots,
      double power,
      double idle,
      Instant measured,
      Map<String, Object> attributes,
      String... apps) {
    return new ServerSnapshot(
        name, "tier2-a", state, slots, Set.of(apps), power, idle, measured, zone, attributes);
  }

  TaskSpec task(String application) {
    return task(application, 1, 0, null, null, UserProfileView.anonymous("alice"), null);
  }

  /** A task of an anonymous user that needs {@code slots} and {@code minPower}. */
  TaskSpec task(String application, int slots, double minPower) {
    return task(application, slots, minPower, null, null, UserProfileView.anonymous("u"), null);
  }

  TaskSpec task(
      String application,
      int slots,
      double minPower,
      String requirements,
      String rank,
      UserProfileView user,
      String clientZone) {
    return new TaskSpec(
        1,
        application,
        slots,
        minPower,
        expressions.compile(Expressions.REQUIREMENTS, requirements),
        expressions.compile(Expressions.RANK, rank),
        Map.of(),
        user,
        new ClientProfileView("cli-1", clientZone, "internal", Map.of()));
  }

  String chosen(TaskSpec task) {
    Decision decision = engine.decide(task, table, 0, NOW);
    return decision.server() == null ? null : decision.server().name();
  }

  @Test
  void onlyServersWithTheApplicationQualify() {
    table.put(server("sorter", "z", 4, 100, 500, "sort"), 0);
    table.put(server("hasher", "z", 4, 100, 10, "sha256"), 0);
    assertEquals("hasher", chosen(task("sha256")));
    assertNull(chosen(task("matrix")));
  }

  @Test
  void capacityCountsTheSlotsATaskNeeds() {
    table.put(server("small", "z", 2, 100, 500, "sha256"), 1);
    table.put(server("big", "z", 8, 100, 10, "sha256"), 0);
    assertEquals("big", chosen(task("sha256", 2, 0)));
    table.put(server("big", "z", 8, 100, 10, "sha256"), 0);
    table.get("big").addLoad(7);
    assertNull(chosen(task("sha256", 2, 0)));
  }

  @Test
  void serversThatAreNotUpAreExcluded() {
    table.put(
        server("draining", ServerState.DRAINING, "z", 4, 100, 900, NOW, Map.of(), "sha256"), 0);
    table.put(server("lost", ServerState.LOST, "z", 4, 100, 900, NOW, Map.of(), "sha256"), 0);
    table.put(server("up", "z", 4, 100, 1, "sha256"), 0);
    assertEquals("up", chosen(task("sha256")));
  }

  @Test
  void minimumComputingPowerIsAHardRequirement() {
    table.put(server("weak", "z", 4, 50, 900, "sha256"), 0);
    table.put(server("strong", "z", 4, 200, 10, "sha256"), 0);
    assertEquals("strong", chosen(task("sha256", 1, 100)));
  }

  @Test
  void requirementsExpressionsFilterOnCustomAttributes() {
    table.put(
        server("cpu", ServerState.UP, "z", 4, 100, 900, NOW, Map.of("gpu", "none"), "sha256"), 0);
    table.put(
        server("gpu", ServerState.UP, "z", 4, 100, 10, NOW, Map.of("gpu", "a100"), "sha256"), 0);
    table.put(server("bare", ServerState.UP, "z", 4, 100, 950, NOW, Map.of(), "sha256"), 0);
    TaskSpec needsGpu =
        task(
            "sha256",
            1,
            0,
            "server.attributes.gpu == 'a100'",
            null,
            UserProfileView.anonymous("u"),
            null);
    assertEquals("gpu", chosen(needsGpu));
  }

  @Test
  void clientAttributesReachTheRequirements() {
    table.put(server("a1", "zone-a", 4, 100, 10, "sha256"), 0);
    table.put(server("b1", "zone-b", 4, 100, 900, "sha256"), 0);
    TaskSpec sameZone =
        task(
            "sha256",
            1,
            0,
            "server.zone == client.zone",
            null,
            UserProfileView.anonymous("u"),
            "zone-a");
    assertEquals("a1", chosen(sameZone));
  }

  @Test
  void theUsersPreferredZoneChangesTheWinner() {
    table.put(server("fast", "zone-c", 8, 150, 120, "sha256"), 0);
    table.put(server("near", "zone-b", 2, 60, 55, "sha256"), 0);
    assertEquals("fast", chosen(task("sha256")));
    UserProfileView prefersB =
        new UserProfileView("bob", 0, 0, List.of("zone-b"), Map.of(), Map.of());
    assertEquals("near", chosen(task("sha256", 1, 0, null, null, prefersB, null)));
    UserProfileView weakPreference =
        new UserProfileView("bob", 0, 0, List.of("zone-b"), Map.of("zone", 10.0), Map.of());
    assertEquals("fast", chosen(task("sha256", 1, 0, null, null, weakPreference, null)));
  }

  @Test
  void theTasksRankExpressionOrdersQualifyingServers() {
    table.put(
        server("few", ServerState.UP, "z", 4, 100, 900, NOW, Map.of("cores", 8), "sha256"), 0);
    table.put(
        server("many", ServerState.UP, "z", 4, 100, 10, NOW, Map.of("cores", 64), "sha256"), 0);
    TaskSpec byCores =
        task(
            "sha256",
            1,
            0,
            null,
            "server.attributes.cores * 100.0",
            UserProfileView.anonymous("u"),
            null);
    assertEquals("many", chosen(byCores));
  }

  @Test
  void cachedResultsAreKeptApartByTheValuesTheyReadFromTheUser() {
    table.put(
        server("eight", ServerState.UP, "z", 4, 100, 900, NOW, Map.of("cores", 8), "sha256"), 0);
    table.put(
        server("many", ServerState.UP, "z", 4, 100, 10, NOW, Map.of("cores", 64), "sha256"), 0);
    String requirement = "server.attributes.cores >= user.attributes.minCores";
    UserProfileView small =
        new UserProfileView("s", 0, 0, List.of(), Map.of(), Map.of("minCores", 4.0));
    UserProfileView large =
        new UserProfileView("l", 0, 0, List.of(), Map.of(), Map.of("minCores", 32.0));
    assertEquals("eight", chosen(task("sha256", 1, 0, requirement, null, small, null)));
    assertEquals("many", chosen(task("sha256", 1, 0, requirement, null, large, null)));
    assertEquals("eight", chosen(task("sha256", 1, 0, requirement, null, small, null)));
  }

  @Test
  void aUserAtTheLimitWaits() {
    table.put(server("s", "z", 4, 100, 100, "sha256"), 0);
    UserProfileView limited = new UserProfileView("carl", 0, 2, List.of(), Map.of(), Map.of());
    Decision decision =
        engine.decide(task("sha256", 1, 0, null, null, limited, null), table, 2, NOW);
    assertNull(decision.server());
    assertTrue(
        decision.explanation().summary().contains("at most 2"), decision.explanation().summary());
    assertEquals(1, decision.explanation().excluded().get(MatchEngine.USER_LIMIT));
    assertNotNull(
        engine.decide(task("sha256", 1, 0, null, null, limited, null), table, 1, NOW).server());
  }

  @Test
  void staleIdlePowerIsNotTrusted() {
    Instant old = NOW.minus(Duration.ofMinutes(5));
    table.put(server("stale", ServerState.UP, "z", 4, 100, 1000, old, Map.of(), "sha256"), 0);
    table.put(server("fresh", "z", 4, 100, 50, "sha256"), 0);
    Decision decision = engine.decide(task("sha256"), table, 0, NOW);
    assertEquals("fresh", decision.server().name());
    assertEquals(300.0, decision.explanation().oldestDataSeconds());
    assertEquals(0.0, decision.explanation().newestDataSeconds());
  }

  @Test
  void aFreshnessRuleInTheRequirementsExcludesOldData() {
    Instant old = Instant.now().minus(Duration.ofSeconds(30));
    table.put(server("old", ServerState.UP, "z", 4, 100, 10, old, Map.of(), "sha256"), 0);
    table.put(server("new", ServerState.UP, "z", 4, 100, 10, Instant.now(), Map.of(), "sort"), 0);
    Decision decision =
        engine.decide(
            task(
                "sha256",
                1,
                0,
                "server.idlePowerAge < duration('10s')",
                null,
                UserProfileView.anonymous("u"),
                null),
            table,
            0,
            Instant.now());
    assertNull(decision.server());
    assertEquals(1, decision.explanation().excluded().get("requirements"));
    assertTrue(
        decision.explanation().closest().get(0).lacked().contains("idlePowerAge"),
        decision.explanation().closest().toString());
  }

  @Test
  void theExplanationCountsEachCriterionAndNamesTheClosest() {
    table.put(server("other", "z", 4, 100, 100, "sort"), 0);
    table.put(server("down", ServerState.DISABLED, "z", 4, 100, 100, NOW, Map.of(), "sha256"), 0);
    table.put(server("full", "z", 1, 100, 100, "sha256"), 1);
    table.put(server("weak", "z", 4, 10, 100, "sha256"), 0);
    table.put(
        server("nogpu", ServerState.UP, "z", 4, 500, 100, NOW, Map.of("gpu", "none"), "sha256"), 0);
    Decision decision =
        engine.decide(
            task(
                "sha256",
                1,
                50,
                "server.attributes.gpu == 'a100'",
                null,
                UserProfileView.anonymous("u"),
                null),
            table,
            0,
            NOW);
    Explanation why = decision.explanation();
    assertNull(decision.server());
    assertEquals("pending", why.outcome());
    assertEquals(
        Map.of("application", 1, "state", 1, "slots", 1, "power", 1, "requirements", 1, "score", 0),
        why.excluded());
    assertEquals(5, why.servers());
    assertEquals("nogpu", why.closest().get(0).server());
    assertTrue(
        why.closest().get(0).lacked().startsWith("requirements do not hold"),
        why.closest().toString());
    assertEquals("weak", why.closest().get(1).server());
    assertEquals("has computing power 10.0, needs at least 50.0", why.closest().get(1).lacked());
    assertEquals(3, why.closest().size());
    assertTrue(why.summary().contains("1 excluded by requirements"), why.summary());
  }

  @Test
  void theExplanationOfAChoiceBreaksTheScoreDown() {
    table.put(server("s", "zone-a", 4, 100, 80, "sha256"), 0);
    Explanation why =
        engine
            .decide(
                task("sha256", 1, 0, null, null, UserProfileView.anonymous("u"), "zone-a"),
                table,
                0,
                NOW)
            .explanation();
    assertEquals("allocated", why.outcome());
    assertEquals(80.0, why.score().get("idle"));
    assertEquals(10.0, why.score().get("locality"));
    assertEquals(90.0, why.score().get("total"));
  }

  @Test
  void equalServersShareTheWorkInTurn() {
    for (String name : List.of("a", "b", "c")) {
      table.put(server(name, "z", 4, 100, 100, "sha256"), 0);
    }
    Map<String, Integer> picks = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      Decision decision = engine.decide(task("sha256"), table, 0, NOW);
      engine.reserve(decision.server(), 1);
      decision.server().addLoad(-1); // the task ends at once: servers stay equal
      picks.merge(decision.server().name(), 1, Integer::sum);
      order.add(decision.server().name());
    }
    assertEquals(Map.of("a", 3, "b", 3, "c", 3), picks);
    assertEquals(List.of("a", "b", "c", "a", "b", "c", "a", "b", "c"), order);
  }

  @Test
  void aDecisionStopsAfterTheSampleOfFeasibleServers() {
    MatchEngine sampling =
        new MatchEngine(new MatchPolicy(Duration.ofSeconds(60), 10, MatchPolicy.DEFAULT_WEIGHTS));
    for (int i = 0; i < 100; i++) {
      table.put(server("s" + i, "z", 4, 100, i, "sha256"), 0);
    }
    Explanation why = sampling.decide(task("sha256"), table, 0, NOW).explanation();
    assertEquals(10, why.feasible());
    assertEquals(10, why.scanned());
    assertEquals(100, why.servers());
  }
}
