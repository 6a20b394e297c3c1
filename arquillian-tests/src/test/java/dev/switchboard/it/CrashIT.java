package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 of the Payara server with 5,000 tasks in flight, then a restart: every task reaches a
 * final state, none is lost, and none ends twice (exactly one terminal event in its history, and
 * the attempt that ended is the task's current one).
 */
@ExtendWith(ArquillianExtension.class)
class CrashIT {

  static final int TASKS = 5_000;
  static final int BATCH = 200;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.switchboard();
  }

  @Test
  void aKilledServerLosesNoTaskAndEndsNoneTwice() throws Exception {
    ApiClient operator = ApiClient.operator();
    List<Long> ids = new ArrayList<>(TASKS);
    for (int b = 0; b < TASKS / BATCH; b++) {
      JsonArrayBuilder tasks = Json.createArrayBuilder();
      for (int i = 0; i < BATCH; i++) {
        tasks.add(
            Json.createObjectBuilder()
                .add("application", "sleep")
                .add("input", "20")
                .add("user", "crash-" + (i % 7))
                .add("client", "crash-it"));
      }
      ApiClient.Answer answer =
          operator.post(
              "/api/tasks:batch",
              Json.createObjectBuilder().add("tasks", tasks).build().toString());
      assertEquals(201, answer.status(), answer.raw().body());
      answer.json().getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
          .map(t -> t.getJsonNumber("id").longValue())
          .forEach(ids::add);
    }
    long ended = finalStates(ids).values().stream().filter(CrashIT::isFinal).count();
    assertTrue(ended < TASKS, "all tasks ended before the crash; nothing was in flight");

    killAndRestart();

    Map<Long, String> states =
        await()
            .atMost(Duration.ofMinutes(10))
            .pollInterval(Duration.ofSeconds(3))
            .until(
                () -> finalStates(ids),
                s -> s.size() == TASKS && s.values().stream().allMatch(CrashIT::isFinal));
    assertEquals(TASKS, states.size(), "tasks lost");
    long completed = states.values().stream().filter("COMPLETED"::equals).count();
    System.out.println(
        "CrashIT: "
            + ended
            + " of "
            + TASKS
            + " had ended at the kill; after the restart "
            + completed
            + " completed, "
            + (TASKS - completed)
            + " failed or cancelled");
    assertEquals(TASKS, completed, "every task completes (sleep cannot fail): " + states);
    assertEachEndedOnce(ids);
  }

  static boolean isFinal(String state) {
    return state.equals("COMPLETED") || state.equals("FAILED") || state.equals("CANCELLED");
  }

  /** id → state, from the timings endpoint (one request per 20,000 ids). */
  static Map<Long, String> finalStates(List<Long> ids) {
    long from = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
    long to = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
    ApiClient.Answer answer =
        ApiClient.viewer().get("/api/tasks/timings?from=" + from + "&to=" + to);
    assertEquals(200, answer.status(), answer.raw().body());
    java.util.Set<Long> ours = new java.util.HashSet<>(ids);
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

  /** SIGKILL to the domain's JVM, then asadmin start-domain; waits for the API to answer. */
  static void killAndRestart() throws Exception {
    String payara = System.getProperty("switchboard.payaraHome");
    String domain = System.getProperty("switchboard.domain", "switchboard-it");
    Path pidFile = Path.of(payara, "glassfish", "domains", domain, "config", "pid");
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    assertEquals(0, new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor());
    server.onExit().get(60, TimeUnit.SECONDS);
    Process start =
        new ProcessBuilder(
                payara + "/bin/asadmin",
                "--interactive=false",
                "start-domain",
                "--timeout",
                "300",
                domain)
            .redirectErrorStream(true)
            .redirectOutput(File.createTempFile("restart", ".log"))
            .start();
    assertTrue(start.waitFor(6, TimeUnit.MINUTES), "the domain did not restart");
    assertEquals(0, start.exitValue(), "asadmin start-domain failed");
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(() -> new ApiClient(null, null).get("/api/health").status() == 200);
  }
}
