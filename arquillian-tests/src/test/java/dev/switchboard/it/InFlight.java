package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.ledger.Ledger;
import dev.switchboard.it.ledger.LedgerApplication;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Tasks put in flight by the fault tests, and the checks around a fault: that it hit live work,
 * that no task was lost or ended twice, and what the execution ledger says of their runs.
 */
final class InFlight {

  private InFlight() {}

  /**
   * Submits {@code tasks} runs of the ledger application, each sleeping {@code millis}, in batches
   * with this timeout each; returns their ids.
   */
  static List<Long> submit(int tasks, int batch, String user, int timeoutSeconds, int millis) {
    ApiClient operator = ApiClient.operator();
    List<Long> ids = new ArrayList<>(tasks);
    for (int b = 0; b < tasks / batch; b++) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      for (int i = 0; i < batch; i++) {
        array.add(
            Json.createObjectBuilder()
                .add("application", LedgerApplication.NAME)
                .add("input", String.valueOf(millis))
                .add("user", user + "-" + (i % 7))
                .add("client", user)
                .add("timeoutSeconds", timeoutSeconds));
      }
      ApiClient.Answer answer =
          operator.post(
              "/api/tasks:batch",
              Json.createObjectBuilder().add("tasks", array).build().toString());
      assertEquals(201, answer.status(), answer.raw().body());
      answer.json().getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
          .map(t -> t.getJsonNumber("id").longValue())
          .forEach(ids::add);
    }
    return ids;
  }

  static boolean isFinal(String state) {
    return state.equals("COMPLETED") || state.equals("FAILED") || state.equals("CANCELLED");
  }

  /** id → state, from the timings endpoint (one request per 20,000 ids). */
  static Map<Long, String> states(List<Long> ids) {
    long from = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
    long to = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
    ApiClient.Answer answer =
        ApiClient.viewer().get("/api/tasks/timings?from=" + from + "&to=" + to);
    assertEquals(200, answer.status(), answer.raw().body());
    Set<Long> ours = new HashSet<>(ids);
    Map<Long, String> states = new TreeMap<>();
    for (JsonValue row : answer.structure().asJsonArray()) {
      JsonArray r = row.asJsonArray();
      long id = r.getJsonNumber(0).longValue();
      if (ours.contains(id)) {
        states.put(id, r.getString(1));
      }
    }
    return states;
  }

  /** How many of these tasks have ended. */
  static long ended(List<Long> ids) {
    return states(ids).values().stream().filter(InFlight::isFinal).count();
  }

  /** Whether every one of these tasks exists and has ended. */
  static boolean allEnded(Map<Long, String> states, int tasks) {
    return states.size() == tasks && states.values().stream().allMatch(InFlight::isFinal);
  }

  /** The load the registry gives its servers, all together. */
  static int load() {
    return ApiClient.viewer()
        .get("/api/servers")
        .structure()
        .asJsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .mapToInt(s -> s.getInt("load"))
        .sum();
  }

  /** Work of a test's tasks that is live at a moment. */
  record Live(int tasks, long notEnded, int load, int running) {
    @Override
    public String toString() {
      return notEnded
          + " of "
          + tasks
          + " tasks not ended, servers' load "
          + load
          + ", "
          + running
          + " runs in progress";
    }
  }

  /**
   * Waits (at most 30 s) until the ledger shows runs of these tasks in progress and the servers
   * have load, then asserts that at least {@code share} of the tasks have not ended: the moment a
   * fault may hit. Returns what was live.
   */
  static Live assertLive(List<Long> ids, double share, String fault) {
    int[] seen = new int[2];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              seen[0] = Ledger.read().inProgress(ids).size();
              seen[1] = seen[0] > 0 ? load() : 0;
              return seen[0] > 0 && seen[1] > 0;
            });
    long notEnded = ids.size() - ended(ids);
    Live live = new Live(ids.size(), notEnded, seen[1], seen[0]);
    assertTrue(
        notEnded >= share * ids.size(),
        fault + ": fewer than " + Math.round(share * 100) + " % of the tasks in flight: " + live);
    return live;
  }

  /**
   * Waits (polling the ledger as fast as it reads) until a run of these tasks started less than
   * {@code fresh} ago: a fault sent at once then hits it before it can end. Returns that run.
   */
  static Ledger.Run awaitFreshRun(List<Long> ids, Duration fresh) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(2))
        .until(
            () -> {
              List<Ledger.Run> running = Ledger.read().inProgress(ids);
              long now = System.currentTimeMillis();
              return running.stream()
                  .filter(r -> now - r.startedAt() < fresh.toMillis())
                  .findFirst();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  /**
   * Asserts that the fault, from {@code from} to {@code to}, hit runs of these tasks: some were in
   * progress while it happened. Returns how many.
   */
  static int assertHit(List<Long> ids, Live live, Instant from, Instant to, String fault) {
    int hit = Ledger.read().during(ids, from, to).size();
    assertTrue(
        hit > 0,
        fault
            + " ("
            + Duration.between(from, to).toMillis()
            + " ms) came while no run was going; just before it "
            + live);
    return hit;
  }

  /** Each task as {@code GET /api/tasks/{id}} shows it, read 8 at a time. */
  static Map<Long, JsonObject> read(List<Long> ids) throws Exception {
    ExecutorService readers = Executors.newFixedThreadPool(8);
    ApiClient viewer = ApiClient.viewer();
    Map<Long, Future<JsonObject>> reads = new TreeMap<>();
    for (long id : ids) {
      reads.put(id, readers.submit(() -> viewer.get("/api/tasks/" + id).json()));
    }
    readers.shutdown();
    assertTrue(readers.awaitTermination(5, TimeUnit.MINUTES));
    Map<Long, JsonObject> tasks = new TreeMap<>();
    for (Map.Entry<Long, Future<JsonObject>> read : reads.entrySet()) {
      tasks.put(read.getKey(), read.getValue().get());
    }
    return tasks;
  }

  /** Every task's history holds exactly one terminal event, for its current attempt. */
  static void assertEachEndedOnce(Map<Long, JsonObject> tasks) {
    List<String> found = new ArrayList<>();
    tasks.forEach(
        (id, task) -> {
          long terminal =
              task.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                  .filter(e -> isFinal(e.getString("state")))
                  .count();
          if (terminal != 1) {
            found.add(id + " ended " + terminal + " times");
          }
        });
    assertEquals(List.of(), found);
  }

  /**
   * The execution ledger's check of these tasks ({@link Ledger#verdict}): each took the outcome of
   * one completed run of its final attempt; prints the summary with the re-runs counted.
   */
  static Ledger.Verdict assertLedger(String test, Map<Long, JsonObject> tasks) {
    Map<Long, Ledger.Outcome> outcomes =
        tasks.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        new Ledger.Outcome(
                            e.getValue().getInt("attempt"),
                            e.getValue().getString("result", null))));
    Ledger.Verdict verdict = Ledger.read().verdict(outcomes);
    System.out.println(verdict.summary(test));
    verdict.assertSound();
    return verdict;
  }
}
