package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.ClientProfileView;
import dev.switchboard.api.UserProfileView;
import dev.switchboard.matching.control.MatchEngine.Decision;
import dev.switchboard.server.entity.ServerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Decisions take no lock and run side by side: however they interleave, no server gets more tasks
 * than its slots and no user more than its limit, and a change of a server never alters a list a
 * decision is reading.
 */
class ConcurrentDecisionsTest {

  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  static final int THREADS = 8;

  final ServerTable table = new ServerTable();
  final MatchEngine engine = new MatchEngine(MatchPolicy.defaults());
  final AtomicLong ids = new AtomicLong();
  final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
  }

  static ServerSnapshot server(String name, int slots, Set<String> applications) {
    return new ServerSnapshot(
        name, "tier2-a", ServerState.UP, slots, applications, 100, 50, NOW, "zone-a", Map.of());
  }

  TaskSpec task(UserProfileView user) {
    return new TaskSpec(
        ids.incrementAndGet(),
        "sha256",
        1,
        0,
        null,
        null,
        Map.of(),
        user,
        new ClientProfileView("cli-1", "zone-a", "internal", Map.of()));
  }

  /** Every thread places {@code each} tasks of the user, all starting at once. */
  List<Decision> placeTogether(int each, UserProfileView user, AtomicInteger running)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<List<Decision>>> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      threads.add(
          pool.submit(
              () -> {
                start.await(30, TimeUnit.SECONDS);
                List<Decision> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                  mine.add(engine.place(task(user), table, running, NOW));
                }
                return mine;
              }));
    }
    List<Decision> all = new ArrayList<>();
    for (Future<List<Decision>> thread : threads) {
      all.addAll(thread.get(60, TimeUnit.SECONDS));
    }
    return all;
  }

  @Test
  void noServerIsGivenMoreTasksThanItsSlots() throws Exception {
    for (int i = 0; i < 20; i++) {
      table.put(server("s" + i, 4, Set.of("sha256")), 0);
    }
    AtomicInteger running = new AtomicInteger();
    List<Decision> decisions = placeTogether(50, UserProfileView.anonymous("alice"), running);

    Map<String, Integer> given = new ConcurrentHashMap<>();
    decisions.stream()
        .filter(d -> d.server() != null)
        .forEach(d -> given.merge(d.server().name(), 1, Integer::sum));
    assertEquals(80, given.values().stream().mapToInt(Integer::intValue).sum(), "every slot used");
    given.forEach((server, tasks) -> assertEquals(4, tasks, server + " got " + tasks));
    table.all().forEach(entry -> assertEquals(4, entry.load(), entry.name() + "'s load"));
    assertEquals(80, running.get(), "the user's count follows the tasks placed");
    decisions.stream()
        .filter(d -> d.server() == null)
        .forEach(d -> assertEquals("pending", d.explanation().outcome()));
  }

  @Test
  void noUserRunsMoreThanItsLimit() throws Exception {
    for (int i = 0; i < 20; i++) {
      table.put(server("s" + i, 100, Set.of("sha256")), 0);
    }
    UserProfileView limited = new UserProfileView("bob", 0, 5, List.of(), Map.of(), Map.of());
    AtomicInteger running = new AtomicInteger();
    List<Decision> decisions = placeTogether(20, limited, running);

    assertEquals(5, decisions.stream().filter(d -> d.server() != null).count());
    assertEquals(5, running.get());
    assertEquals(5, table.all().stream().mapToInt(ServerEntry::load).sum(), "slots taken");
  }

  @Test
  void aChangeOfAServerLeavesTheListsBeingReadAsTheyWere() {
    table.put(server("a", 4, Set.of("sha256", "sort")), 0);
    table.put(server("b", 4, Set.of("sha256")), 0);
    List<ServerEntry> reading = table.withApplication("sha256");
    ServerEntry a = reading.get(0);

    table.put(server("a", 8, Set.of("sha256")), 3);
    table.put(server("c", 4, Set.of("sha256")), 0);

    assertEquals(List.of("a", "b"), reading.stream().map(ServerEntry::name).toList());
    assertSame(a, reading.get(0), "the list read keeps the entry it had");
    List<ServerEntry> now = table.withApplication("sha256");
    assertEquals(List.of("a", "b", "c"), now.stream().map(ServerEntry::name).toList());
    assertNotSame(a, now.get(0), "a keeps its place with its new attributes");
    assertEquals(8, now.get(0).snapshot().slots());
    assertEquals(List.of(), table.withApplication("sort"), "a no longer has sort");
  }
}
