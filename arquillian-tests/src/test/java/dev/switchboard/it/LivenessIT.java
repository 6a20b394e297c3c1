package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.ApiClient.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fulfillment server that stops reporting is marked LOST and the task it held is requeued once,
 * as a new attempt; when the server reports again it is UP, takes the task again, and only the new
 * attempt's outcome is recorded: the old run's late report changes nothing. (The ghost server is
 * registered over REST and reports only when the test says so; this node's dispatch bean runs what
 * is allocated to it.)
 */
class LivenessIT extends AsBuiltIT {

  static final String GHOST =
      "{\"name\":\"ghost-1\",\"tier2\":\"tier2-b\",\"slots\":1,\"applications\":[\"sleep\"],"
          + "\"computingPower\":10,\"idlePower\":10,\"zone\":\"zone-x\","
          + "\"attributes\":{\"ghost\":true}}";

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

  @Test
  void aLostServersTaskIsRequeuedOnceAndCompletesOnlyOnce() {
    report();
    Answer created =
        api.post(
            "/api/tasks",
            Json.createObjectBuilder()
                .add("application", "sleep")
                .add("input", "40000")
                .add("user", "lena")
                .add("client", "it")
                .add("requirements", "has(server.attributes.ghost)")
                .add("timeoutSeconds", 120)
                .build()
                .toString());
    assertEquals(201, created.status(), created.raw().body());
    long id = created.json().getJsonNumber("id").longValue();

    JsonObject requeued =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> task(id), t -> t.getInt("attempt") == 2);
    assertEquals("PENDING", requeued.getString("state"));
    assertTrue(requeued.getString("reason").contains("ghost-1 lost"), requeued.toString());
    assertEquals("LOST", serverState("ghost-1"));

    // the server reports again, and keeps reporting while it runs the task's second attempt
    JsonObject done =
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () -> {
                  report();
                  return task(id);
                },
                t ->
                    !t.getString("state").equals("PENDING")
                        && !t.getString("state").equals("ALLOCATED")
                        && !t.getString("state").equals("RUNNING"));
    assertEquals("COMPLETED", done.getString("state"), done.toString());
    assertEquals(2, done.getInt("attempt"));
    assertEquals("slept 40000 ms", done.getString("result"));
    List<String> states =
        done.getJsonArray("events").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("state"))
            .toList();
    assertEquals(1, states.stream().filter("COMPLETED"::equals).count(), states.toString());
    assertEquals(1, states.stream().filter("PENDING"::equals).count(), states.toString());
    assertEquals(200, api.post("/api/servers/ghost-1/disable", "").status());
  }
}
