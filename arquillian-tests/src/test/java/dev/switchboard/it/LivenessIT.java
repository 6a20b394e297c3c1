package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.ApiClient.Answer;
import dev.switchboard.it.ledger.Ledger;
import dev.switchboard.it.ledger.LedgerApplication;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A fulfillment server that stops reporting is marked LOST and the task it held is requeued once,
 * as a new attempt; when the server reports again it is UP, takes the task again, and only the new
 * attempt's outcome is recorded: the old run goes on, ends while the new one runs, and its late
 * report changes nothing. (The ghost server is registered over REST and reports only when the test
 * says so; this node's dispatch bean runs what is allocated to it, with the ledger application,
 * whose result names the run it came from.)
 */
class LivenessIT extends LedgerIT {

  static final String GHOST =
      "{\"name\":\"ghost-1\",\"tier2\":\"tier2-b\",\"slots\":1,\"applications\":[\""
          + LedgerApplication.NAME
          + "\"],\"computingPower\":10,\"idlePower\":10,\"zone\":\"zone-x\","
          + "\"attributes\":{\"ghost\":true}}";

  static final Set<String> IN_FLIGHT = Set.of("PENDING", "ALLOCATED", "RUNNING");

  JsonObject task(long id) {
    return api.get("/api/tasks/" + id).json();
  }

  String serverState(String name) {
    return api.get("/api/servers").structure().asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getString("state");
  }

  void report() {
    Answer registered = api.post("/api/servers", GHOST);
    assertEquals(200, registered.status(), registered.raw().body());
  }

  /** The task's run of this attempt, once the ledger shows it (reporting meanwhile if asked). */
  Ledger.Run awaitRun(long id, int attempt, boolean reporting) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (reporting) {
                report();
              }
              return Ledger.read().runs(id).stream()
                  .filter(r -> r.attempt() == attempt)
                  .findFirst();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  @Test
  void aLostServersTaskIsRequeuedOnceAndCompletesOnlyOnce() {
    report();
    Answer created =
        api.post(
            "/api/tasks",
            Json.createObjectBuilder()
                .add("application", LedgerApplication.NAME)
                .add("input", "40000")
                .add("user", "lena")
                .add("client", "it")
                .add("requirements", "has(server.attributes.ghost)")
                .add("timeoutSeconds", 120)
                .build()
                .toString());
    assertEquals(201, created.status(), created.raw().body());
    long id = created.json().getJsonNumber("id").longValue();
    Ledger.Run first = awaitRun(id, 1, false);

    JsonObject requeued =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> task(id), t -> t.getInt("attempt") == 2);
    assertEquals("PENDING", requeued.getString("state"));
    assertTrue(requeued.getString("reason").contains("ghost-1 lost"), requeued.toString());
    assertEquals("LOST", serverState("ghost-1"));
    assertFalse(
        Ledger.read().run(first.id()).orElseThrow().ended(),
        "the lost server's run was over: no live work");

    // the server reports again, and keeps reporting while it runs the task's second attempt; the
    // first attempt's run ends meanwhile and reports, and the task goes on with attempt 2
    Ledger.Run second = awaitRun(id, 2, true);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              report();
              return Ledger.read().run(first.id()).orElseThrow();
            },
            Ledger.Run::ended);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              report();
              return task(id);
            },
            t -> t.getInt("attempt") == 2 && IN_FLIGHT.contains(t.getString("state")));

    JsonObject done =
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () -> {
                  report();
                  return task(id);
                },
                t -> !IN_FLIGHT.contains(t.getString("state")));
    assertEquals("COMPLETED", done.getString("state"), done.toString());
    assertEquals(2, done.getInt("attempt"));
    Ledger ledger = Ledger.read();
    assertEquals(second.id(), ledger.runNamedBy(done.getString("result")).orElseThrow().id());
    assertNotEquals(first.id(), second.id());
    assertTrue(done.getString("result").contains(" attempt 2 "), done.getString("result"));
    List<String> states =
        done.getJsonArray("events").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("state"))
            .toList();
    assertEquals(1, states.stream().filter("COMPLETED"::equals).count(), states.toString());
    assertEquals(1, states.stream().filter("PENDING"::equals).count(), states.toString());
    Ledger.Verdict verdict = InFlight.assertLedger("LivenessIT", Map.of(id, done));
    assertEquals(1, verdict.earlierAttempts(), verdict.toString());
    assertEquals(1, verdict.reRuns(), verdict.toString());
    assertEquals(200, api.post("/api/servers/ghost-1/disable", "").status());
  }
}
