package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.ApiClient.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fulfillment on the real server: the built-in applications, a run past its timeout retried and
 * then failed, and cancellation of a waiting and of a running task (its slot given back when the
 * run ends).
 */
class FulfillmentIT extends AsBuiltIT {

  long submit(String application, String input, JsonObjectBuilder extra) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("application", application)
            .add("input", input)
            .add("user", "fred")
            .add("client", "it");
    extra.build().forEach(body::add);
    Answer created = api.post("/api/tasks", body.build().toString());
    assertEquals(201, created.status(), created.raw().body());
    return created.json().getJsonNumber("id").longValue();
  }

  int totalLoad() {
    return api.get("/api/servers").structure().asJsonArray().getValuesAs(JsonObject.class).stream()
        .mapToInt(s -> s.getInt("load"))
        .sum();
  }

  @Test
  void theBuiltInApplicationsDoRealWork() {
    long primes = submit("primes", "1000000", Json.createObjectBuilder());
    long sort = submit("sort", "3, 10 1.5,-2 1", Json.createObjectBuilder());
    long matrix = submit("matrix", "100,7", Json.createObjectBuilder());
    assertEquals("78498", awaitState(primes, "COMPLETED").getString("result"));
    assertEquals("-2,1,1.5,3,10", awaitState(sort, "COMPLETED").getString("result"));
    assertTrue(
        awaitState(matrix, "COMPLETED").getString("result").startsWith("n=100 seed=7 trace="));
    JsonObject bad = awaitState(submit("primes", "lots", Json.createObjectBuilder()), "FAILED");
    assertTrue(bad.getString("result").contains("primes needs a whole number"), bad.toString());
  }

  @Test
  void aRunPastItsTimeoutIsRetriedThenFails() {
    long id =
        submit(
            "sleep",
            "3000",
            Json.createObjectBuilder().add("timeoutSeconds", 1).add("maxRetries", 1));
    JsonObject task = awaitState(id, "FAILED");
    assertEquals(2, task.getInt("attempt"));
    assertTrue(task.getString("result").startsWith("timed out after 1 s"), task.toString());
    List<String> states =
        task.getJsonArray("events").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("state"))
            .toList();
    assertEquals(
        List.of(
            "SUBMITTED",
            "FORWARDED",
            "ALLOCATED",
            "RUNNING",
            "PENDING",
            "ALLOCATED",
            "RUNNING",
            "FAILED"),
        states);
    String retry = task.getJsonArray("events").getJsonObject(4).getString("reason");
    assertTrue(retry.contains("retry 1 of 1 in 1000 ms"), retry);
  }

  @Test
  void aRunningTaskIsCancelledAndItsSlotComesBackWhenTheRunEnds() {
    int loadBefore = totalLoad();
    long id = submit("sleep", "3000", Json.createObjectBuilder());
    awaitState(id, "ALLOCATED");
    Answer cancelled = api.delete("/api/tasks/" + id);
    assertEquals(200, cancelled.status(), cancelled.raw().body());
    assertEquals("CANCELLED", cancelled.json().getString("state"));
    assertEquals(409, api.delete("/api/tasks/" + id).status());
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> totalLoad() == loadBefore);
    JsonObject task = api.get("/api/tasks/" + id).json();
    assertEquals("CANCELLED", task.getString("state"));
    assertTrue(!task.containsKey("result"), "a cancelled run's result is not recorded");
  }

  @Test
  void aWaitingTaskIsCancelledAtOnce() {
    long id =
        submit(
            "sha256",
            "never",
            Json.createObjectBuilder().add("requirements", "server.zone == 'nowhere'"));
    awaitState(id, "PENDING");
    Answer cancelled = api.post("/api/tasks/" + id + "/cancel", "");
    assertEquals(200, cancelled.status(), cancelled.raw().body());
    assertTrue(
        cancelled.json().getString("reason").contains("before it reached a server"),
        cancelled.raw().body());
    assertEquals(404, api.delete("/api/tasks/987654321").status());
  }
}
