package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.server.entity.ServerState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerFactsTest {

  static ServerSnapshot server(String name, String node, String... apps) {
    return new ServerSnapshot(
        name,
        "tier2-a",
        ServerState.UP,
        2,
        Set.of(apps),
        100,
        50,
        Instant.EPOCH,
        "zone-a",
        Map.of(),
        node);
  }

  @Test
  void knowsWhatTheIndexTookIn() {
    ServerFacts facts = new ServerFacts();
    facts.learned(server("a", "node-1", "sha256"), Set.of("sha256"));
    facts.learned(server("b", null, "sort"), Set.of("sha256", "sort"));
    assertEquals(Set.of("sha256", "sort"), facts.applications());
    assertEquals(Map.of("a", "node-1", "b", ""), facts.nodesOf(List.of("a", "b", "unknown")));
  }

  @Test
  void aServerRegisteringAgainFromAnotherNodeIsKnownByItsLatest() {
    ServerFacts facts = new ServerFacts();
    facts.learned(server("a", "node-1", "sha256"), Set.of("sha256"));
    facts.learned(server("a", "node-2", "sha256"), Set.of("sha256"));
    assertEquals(Map.of("a", "node-2"), facts.nodesOf(List.of("a")));
  }
}
