package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.ApiClient.Answer;
import dev.switchboard.it.ledger.Ledger;
import dev.switchboard.it.ledger.LedgerApplication;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fulfillment worker on Payara Micro, started as its own process with the README's command
 * against the test server's broker, with the ledger application added to its WAR: it registers,
 * runs a task only it has the application for, and when it is killed (SIGKILL) while the ledger
 * shows it running a task, the task is requeued and completed elsewhere, once; the worker's run
 * never ended.
 */
class WorkerIT extends LedgerIT {

  final ApiClient api = new ApiClient();
  Process worker;

  @AfterEach
  void stopWorker() throws InterruptedException {
    if (worker != null && worker.isAlive()) {
      worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  Optional<JsonObject> server(String name) {
    return api.get("/api/servers").structure().asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("name").equals(name))
        .findFirst();
  }

  JsonObject task(long id) {
    return api.get("/api/tasks/" + id).json();
  }

  /** The last lines of a log, or why it cannot be read. */
  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  long submit(JsonObject body) {
    Answer created = api.post("/api/tasks", body.toString());
    assertEquals(201, created.status(), created.raw().body());
    return created.json().getJsonNumber("id").longValue();
  }

  @Test
  void aWorkerRunsItsOwnApplicationAndItsTasksSurviveItsDeath() throws Exception {
    String root = System.getProperty("switchboard.root");
    File dir = new File(System.getProperty("switchboard.workerDir"));
    dir.mkdirs();
    Path war = Deployments.workerWithLedger(dir.toPath());
    worker =
        new ProcessBuilder(
                "bash",
                root + "/scripts/switchboard-worker",
                "--broker",
                "localhost:" + System.getProperty("switchboard.jmsPort"),
                "--servers",
                "worker-it:tier2-b:2:0.5:zone-w",
                "--port",
                "28180",
                "--rootdir",
                dir.getAbsolutePath() + "/micro-root",
                "--credentials",
                Faults.secrets().resolveSibling("switchboard-worker-broker").toString(),
                "--war",
                war.toString())
            .redirectErrorStream(true)
            .redirectOutput(new File(dir, "worker.log"))
            .start();
    File log = new File(dir, "worker.log");
    try {
      await()
          .atMost(Duration.ofSeconds(300))
          .pollInterval(Duration.ofSeconds(1))
          .failFast("the worker exited", () -> !worker.isAlive())
          .until(
              () -> server("worker-it").map(s -> s.getString("state").equals("UP")).orElse(false));
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new AssertionError(
          e.getMessage()
              + "; the server list: "
              + server("worker-it").map(JsonObject::toString).orElse("no worker-it")
              + "; the end of "
              + log
              + ":\n"
              + tail(log.toPath(), 60),
          e);
    }
    String applications = server("worker-it").orElseThrow().getJsonArray("applications").toString();
    assertTrue(applications.contains("reverse"), applications);
    assertTrue(applications.contains(LedgerApplication.NAME), applications);

    long reversed =
        submit(
            Json.createObjectBuilder()
                .add("application", "reverse")
                .add("input", "hello worker")
                .add("user", "wanda")
                .add("client", "it")
                .build());
    JsonObject done =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> task(reversed), t -> t.getString("state").equals("COMPLETED"));
    assertEquals("worker-it", done.getString("server"));
    assertEquals("rekrow olleh", done.getString("result"));

    long held =
        submit(
            Json.createObjectBuilder()
                .add("application", LedgerApplication.NAME)
                .add("input", "4000")
                .add("user", "wanda")
                .add("client", "it")
                .add("rank", "server.name.startsWith('worker-') ? 1000.0 : 0.0")
                .build());
    // killed only once the ledger shows the worker's run started and not ended
    Ledger.Run onWorker =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    Ledger.read().runs(held).stream()
                        .filter(r -> r.server().equals("worker-it") && !r.ended())
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no goodbye
    assertTrue(onWorker.node().startsWith("worker@"), onWorker.toString());

    JsonObject finished =
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> task(held), t -> t.getString("state").equals("COMPLETED"));
    assertNotEquals("worker-it", finished.getString("server"));
    assertEquals(2, finished.getInt("attempt"));
    List<String> states =
        finished.getJsonArray("events").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("state"))
            .toList();
    assertEquals(1, states.stream().filter("COMPLETED"::equals).count(), states.toString());
    assertTrue(
        finished.getJsonArray("events").toString().contains("worker-it lost; requeued"),
        finished.toString());
    assertEquals("LOST", server("worker-it").orElseThrow().getString("state"));

    // the worker's run never ended; the outcome is that of attempt 2's one run, on the main node
    List<Ledger.Run> runs = Ledger.read().runs(held);
    assertEquals(2, runs.size(), runs.toString());
    assertTrue(runs.contains(onWorker), "the worker's run ended after its kill: " + runs);
    Ledger.Verdict verdict = InFlight.assertLedger("WorkerIT", Map.of(held, finished));
    assertEquals(1, verdict.earlierAttempts(), verdict.toString());
    assertEquals(1, verdict.reRuns(), verdict.toString());
  }
}
