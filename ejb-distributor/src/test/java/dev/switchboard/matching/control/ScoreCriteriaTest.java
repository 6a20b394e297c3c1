package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.api.ClientProfileView;
import dev.switchboard.api.UserProfileView;
import dev.switchboard.matching.control.MatchEngine.Decision;
import dev.switchboard.server.entity.ServerState;
import dev.switchboard.testing.TestTransactions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each term of the default score decides a winner on its own: every pair of servers below is set up
 * so that the other terms prefer the loser, and each test shows the other winner once the deciding
 * term weighs nothing (the user's own weight of it set to 0). Default weights: zone 100, locality
 * 10, load 10, idle 1; idle power is fresh, the task needs one slot, the client is in zone-a.
 */
class ScoreCriteriaTest {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  final TestTransactions transactions = new TestTransactions();

  static ServerSnapshot server(String name, String zone, int slots, double idle) {
    return new ServerSnapshot(
        name, "tier2-a", ServerState.UP, slots, Set.of("sha256"), 100, idle, NOW, zone, Map.of());
  }

  /** The index with these servers, each with its load. */
  ServerIndex index(Map<ServerSnapshot, Integer> servers) {
    ServerIndex index = MatchingFixtures.index(transactions);
    servers.forEach(index::put);
    return index;
  }

  static UserProfileView user(List<String> preferredZones, Map<String, Double> weights) {
    return new UserProfileView("alice", 0, 0, preferredZones, weights, Map.of());
  }

  static TaskSpec task(UserProfileView user) {
    return new TaskSpec(
        1,
        "sha256",
        1,
        0,
        null,
        null,
        Map.of(),
        user,
        new ClientProfileView("cli-1", "zone-a", "internal", Map.of()));
  }

  /** The server a fresh index of these servers chooses for the user's task. */
  String winner(Map<ServerSnapshot, Integer> servers, UserProfileView user) {
    Decision decision = index(servers).decide(task(user), NOW);
    transactions.end(false);
    return decision.server().name();
  }

  /**
   * With these servers, {@code winner} wins the user's task; once the user weighs {@code term} 0 as
   * well, {@code withoutTerm} wins.
   */
  void assertDecides(
      String term,
      Map<ServerSnapshot, Integer> servers,
      UserProfileView user,
      String winner,
      String withoutTerm) {
    Map<String, Double> weights = new HashMap<>(user.weights());
    weights.put(term, 0.0);
    assertEquals(winner, winner(servers, user));
    assertEquals(withoutTerm, winner(servers, user(user.preferredZones(), weights)));
  }

  @Test
  void theLoadPenaltyDecides() {
    // busy: 30 / (2 + 1) = 10 idle per task, - 10 * 2/4 = -5 load: 5
    // calm:  8 / (0 + 1) =  8 idle per task,   no load            : 8
    assertDecides(
        "load",
        Map.of(server("busy", "z", 4, 30), 2, server("calm", "z", 4, 8), 0),
        user(List.of(), Map.of()),
        "calm",
        "busy");
  }

  @Test
  void theIdlePowerATaskWouldGetDecidesOverLocality() {
    // near: in the client's zone, +10, and 10 idle: 20; far: 40 idle: 40
    assertDecides(
        "idle",
        Map.of(server("near", "zone-a", 4, 10), 0, server("far", "zone-b", 4, 40), 0),
        user(List.of(), Map.of()),
        "far",
        "near");
  }

  @Test
  void idlePowerCountsPerTaskNotRaw() {
    // with no load penalty only the idle term differs: a-busy has twice the idle power but shares
    // it with two tasks, 60 / (2 + 1) = 20, b-free gives its 30 to this one; raw, a-busy would win,
    // and so would it on a tie, by name
    assertDecides(
        "idle",
        Map.of(server("a-busy", "z", 8, 60), 2, server("b-free", "z", 8, 30), 0),
        user(List.of(), Map.of("load", 0.0)),
        "b-free",
        "a-busy");
  }

  @Test
  void localityToTheClientDecides() {
    // near: +10 and 20 idle: 30; far: 25 idle: 25
    assertDecides(
        "locality",
        Map.of(server("near", "zone-a", 4, 20), 0, server("far", "zone-b", 4, 25), 0),
        user(List.of(), Map.of()),
        "near",
        "far");
  }

  @Test
  void theUsersPreferredZoneDecidesOverLocalityAndIdlePower() {
    // near: +10 locality and 20 idle: 30; preferred: +100 zone and 5 idle: 105
    assertDecides(
        "zone",
        Map.of(server("near", "zone-a", 4, 20), 0, server("preferred", "zone-b", 4, 5), 0),
        user(List.of("zone-b"), Map.of()),
        "preferred",
        "near");
  }

  @Test
  void theWinnersScoreIsExplainedTermByTerm() {
    ServerIndex index = index(Map.of(server("busy", "z", 4, 30), 2, server("calm", "z", 4, 8), 0));
    Decision decision = index.decide(task(user(List.of(), Map.of())), NOW);
    transactions.end(true);
    Map<String, Double> score = decision.explanation().score();
    assertEquals(8.0, score.get("idle"));
    assertEquals(0.0, score.get("load"), 0.0);
    assertEquals(8.0, score.get("total"));
  }
}
