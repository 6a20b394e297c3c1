package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.TaskRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Tasks put in flight by the fault tests, and the checks that none was lost or ended twice. */
final class InFlight {

  private InFlight() {}

  /** Submits {@code tasks} short sleeps in batches; returns their ids. */
  static List<Long> submitSleeps(int tasks, int batch, String user) {
    return submitSleeps(tasks, batch, user, TaskRequest.DEFAULT_TIMEOUT);
  }

  /** Submits {@code tasks} short sleeps in batches, with this timeout each; returns their ids. */
  static List<Long> submitSleeps(int tasks, int batch, String user, int timeoutSeconds) {
    ApiClient operator = ApiClient.operator();
    List<Long> ids = new ArrayList<>(tasks);
    for (int b = 0; b < tasks / batch; b++) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      for (int i = 0; i < batch; i++) {
        array.add(
            Json.createObjectBuilder()
                .add("application", "sleep")
                .add("input", "20")
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

  /** Every task's history holds exactly one terminal event, for its current attempt. */
  static void assertEachEndedOnce(List<Long> ids) throws Exception {
    ExecutorService readers = Executors.newFixedThreadPool(8);
    List<Future<String>> problems = new ArrayList<>();
    ApiClient viewer = ApiClient.viewer();
    for (long id : ids) {
      problems.add(
          readers.submit(
              () -> {
                JsonObject task = viewer.get("/api/tasks/" + id).json();
                long terminal =
                    task.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                        .filter(e -> isFinal(e.getString("state")))
                        .count();
                return terminal == 1 ? null : id + " ended " + terminal + " times";
              }));
    }
    readers.shutdown();
    assertTrue(readers.awaitTermination(5, TimeUnit.MINUTES));
    List<String> found = new ArrayList<>();
    for (Future<String> problem : problems) {
      if (problem.get() != null) {
        found.add(problem.get());
      }
    }
    assertEquals(List.of(), found);
  }
}
