package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.server.entity.ServerState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerChoiceTest {

  static ServerSnapshot server(
      String name, ServerState state, int slots, int load, double idle, String... apps) {
    return new ServerSnapshot(
        name, "tier2-a", state, slots, load, Set.of(apps), 100, idle, Instant.EPOCH, "zone-a");
  }

  static Optional<String> choose(List<ServerSnapshot> servers, String application) {
    return ServerChoice.best(servers, application).map(ServerSnapshot::name);
  }

  @Test
  void onlyServersWithTheApplicationQualify() {
    List<ServerSnapshot> servers =
        List.of(
            server("a", ServerState.UP, 4, 0, 500, "sort"),
            server("b", ServerState.UP, 4, 0, 10, "sha256"));
    assertEquals(Optional.of("b"), choose(servers, "sha256"));
  }

  @Test
  void fullAndNotUpServersAreExcluded() {
    List<ServerSnapshot> servers =
        List.of(
            server("full", ServerState.UP, 2, 2, 500, "sha256"),
            server("draining", ServerState.DRAINING, 4, 0, 500, "sha256"),
            server("lost", ServerState.LOST, 4, 0, 500, "sha256"));
    assertEquals(Optional.empty(), choose(servers, "sha256"));
  }

  @Test
  void mostIdlePowerPerTaskWins() {
    List<ServerSnapshot> servers =
        List.of(
            server("busy-strong", ServerState.UP, 8, 3, 200, "sha256"), // 200 / 4 = 50
            server("idle-weak", ServerState.UP, 8, 0, 80, "sha256")); // 80 / 1 = 80
    assertEquals(Optional.of("idle-weak"), choose(servers, "sha256"));
  }

  @Test
  void tiesAreBrokenByFreeSlotsThenName() {
    List<ServerSnapshot> servers =
        List.of(
            server("b", ServerState.UP, 4, 0, 100, "sha256"),
            server("c", ServerState.UP, 8, 0, 100, "sha256"),
            server("a", ServerState.UP, 4, 0, 100, "sha256"));
    assertEquals(Optional.of("c"), choose(servers, "sha256"));
    assertEquals(Optional.of("a"), choose(List.of(servers.get(0), servers.get(2)), "sha256"));
  }

  @Test
  void reservingASlotSpreadsTasksOverEqualServers() {
    ServerSnapshot a = server("a", ServerState.UP, 4, 0, 100, "sha256");
    ServerSnapshot b = server("b", ServerState.UP, 4, 0, 100, "sha256");
    assertEquals(Optional.of("a"), choose(List.of(a, b), "sha256"));
    assertEquals(Optional.of("b"), choose(List.of(a.withLoad(1), b), "sha256"));
  }

  @Test
  void explanationCountsWhatEachCriterionExcluded() {
    List<ServerSnapshot> servers =
        List.of(
            server("lost", ServerState.LOST, 4, 0, 1, "sha256"),
            server("other", ServerState.UP, 4, 0, 1, "sort"),
            server("full1", ServerState.UP, 1, 1, 1, "sha256"),
            server("full2", ServerState.UP, 2, 2, 1, "sha256"));
    String why = ServerChoice.whyNone(servers, "sha256");
    assertTrue(why.contains("4 registered"), why);
    assertTrue(why.contains("1 not up"), why);
    assertTrue(why.contains("1 without application 'sha256'"), why);
    assertTrue(why.contains("2 with no free slot"), why);
  }
}
