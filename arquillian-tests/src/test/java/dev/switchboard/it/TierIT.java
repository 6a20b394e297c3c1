package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.ApiClient.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tier 2 as tier 1 sees it, on the real server and broker: a disabled or saturated first tier-2
 * distributor is passed over for the second, with the reason on the task; with neither able to take
 * tasks the submission is refused and nothing is persisted, while a task already accepted still
 * goes back to matching for its retry; a triggered broadcast, and one of an operator's change,
 * reach tier 1 well before the periodic heartbeat could have brought the same.
 */
class TierIT extends AsBuiltIT {

  JsonObject completed(long id) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> api.get("/api/tasks/" + id).json(),
            t -> "COMPLETED".equals(t.getString("state")));
  }

  long submitted(String input) {
    Answer created = api.submitSha256(input, "tina");
    assertEquals(201, created.status(), created.raw().body());
    return created.json().getJsonNumber("id").longValue();
  }

  String firstReason(JsonObject task) {
    return task.getJsonArray("events").getJsonObject(0).getString("reason");
  }

  @Test
  void aDisabledFirstTier2DistributorIsPassedOver() {
    assertEquals(200, api.post("/api/distributors/tier2-a/disable", "").status());
    try {
      JsonObject task = completed(submitted("tier2 down"));
      assertEquals("tier2-b", task.getString("tier2"));
      assertTrue(firstReason(task).contains("skipped tier2-a: disabled"), firstReason(task));
    } finally {
      assertEquals(200, api.post("/api/distributors/tier2-a/enable", "").status());
    }
  }

  @Test
  void aSaturatedFirstTier2DistributorIsPassedOver() {
    Answer limited = api.put("/api/distributors/tier2-a", "{\"queueLimit\":0}");
    assertEquals(200, limited.status(), limited.raw().body());
    try {
      JsonObject task = completed(submitted("tier2 full"));
      assertEquals("tier2-b", task.getString("tier2"));
      assertTrue(firstReason(task).contains("tier2-a: saturated"), firstReason(task));
    } finally {
      api.put("/api/distributors/tier2-a", "{\"queueLimit\":10000}");
    }
  }

  @Test
  void withEveryTier2DistributorSaturatedNewTasksAreRefusedButARetryStillGoesBack() {
    Answer created =
        api.post(
            "/api/tasks",
            Json.createObjectBuilder()
                .add("application", "sleep")
                .add("input", "4000")
                .add("user", "tina")
                .add("client", "it-client")
                .add("timeoutSeconds", 2)
                .add("maxRetries", 1)
                .build()
                .toString());
    assertEquals(201, created.status(), created.raw().body());
    long id = created.json().getJsonNumber("id").longValue();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/tasks/" + id).json().getString("state"), "ALLOCATED"::equals);
    try {
      for (String tier2 : List.of("tier2-a", "tier2-b")) {
        assertEquals(200, api.put("/api/distributors/" + tier2, "{\"queueLimit\":0}").status());
      }
      Answer refused = api.submitSha256("everything saturated", "tina");
      assertEquals(503, refused.status(), refused.raw().body());
      String error = refused.json().getString("error");
      assertTrue(
          error.contains("tier2-a: saturated") && error.contains("tier2-b: saturated"), error);
      // the first run times out after 2 s; its retry must reach matching all the same
      JsonObject task =
          await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> api.get("/api/tasks/" + id).json(),
                  t -> "FAILED".equals(t.getString("state")));
      assertEquals(2, task.getInt("attempt"), task.toString());
    } finally {
      for (String tier2 : List.of("tier2-a", "tier2-b")) {
        api.put("/api/distributors/" + tier2, "{\"queueLimit\":10000}");
      }
    }
  }

  @Test
  void tasksWaitingPendingCountTowardsTheQueueLimit() {
    Answer created =
        api.post(
            "/api/tasks",
            Json.createObjectBuilder()
                .add("application", "sha256")
                .add("input", "no server has this")
                .add("user", "tina")
                .add("client", "it-client")
                .add(
                    "requirements",
                    "has(server.attributes.tier_it) && server.attributes.tier_it == 'x'")
                .build()
                .toString());
    assertEquals(201, created.status(), created.raw().body());
    long id = created.json().getJsonNumber("id").longValue();
    String tier2 = created.json().getString("tier2");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/tasks/" + id).json().getString("state"), "PENDING"::equals);
    try {
      // the change is broadcast when it is made, not left to the heartbeat, with the pending task
      // counted
      askedBroadcastHeard(
          () -> askedAt(tier2),
          () ->
              assertEquals(
                  200, api.put("/api/distributors/" + tier2, "{\"queueLimit\":1}").status()));
      JsonObject status = distributor(tier2).getJsonObject("lastStatus");
      assertTrue(status.getInt("queueDepth") >= 1, status.toString());
      JsonObject next = completed(submitted("behind a pending task"));
      assertTrue(!tier2.equals(next.getString("tier2")), next.toString());
      assertTrue(firstReason(next).contains(tier2 + ": saturated"), firstReason(next));
    } finally {
      api.put("/api/distributors/" + tier2, "{\"queueLimit\":10000}");
      api.delete("/api/tasks/" + id);
    }
  }

  @Test
  void withNoTier2DistributorAbleToTakeTasksNothingIsPersisted() {
    long newest = newestTaskId();
    api.post("/api/distributors/tier2-a/disable", "");
    api.post("/api/distributors/tier2-b/drain", "");
    try {
      Answer refused = api.submitSha256("nowhere", "tina");
      assertEquals(503, refused.status(), refused.raw().body());
      String error = refused.json().getString("error");
      assertTrue(error.contains("no tier-2 distributor can take tasks"), error);
      assertTrue(error.contains("tier2-b: draining"), error);
      assertEquals(newest, newestTaskId());
    } finally {
      api.post("/api/distributors/tier2-a/enable", "");
      api.post("/api/distributors/tier2-b/enable", "");
    }
  }

  @Test
  void aBroadcastAskedForReachesTier1SayingSo() {
    Instant heard =
        askedBroadcastHeard(
            () -> askedAt("tier2-a"),
            () -> assertEquals(202, api.post("/api/distributors/broadcast", "").status()));
    // one message carries both
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> askedSince("tier2-b", heard));
    JsonObject tier2a = distributor("tier2-a");
    JsonObject status = tier2a.getJsonObject("lastStatus");
    assertTrue(status.getInt("servers") >= 2, status.toString());
    assertTrue(status.containsKey("queueDepth"), status.toString());
    assertTrue(status.containsKey("freeSlots"), status.toString());
  }

  @Test
  void badDistributorSettingsAre400AndAnUnknownOneIs404() {
    assertEquals(400, api.put("/api/distributors/tier2-a", "{\"queueLimit\":-1}").status());
    assertEquals(400, api.put("/api/distributors/FrontPool1", "{\"queueLimit\":5}").status());
    assertEquals(404, api.put("/api/distributors/nope", "{\"queueLimit\":5}").status());
    assertEquals(400, api.put("/api/distributors/tier2-a", "{\"depth\":5}").status());
  }

  @Test
  void aServerMustRegisterWithAKnownTier2Distributor() {
    Answer refused =
        api.post(
            "/api/servers",
            "{\"name\":\"orphan\",\"tier2\":\"tier2-x\",\"slots\":1,\"applications\":[\"sha256\"]}");
    assertEquals(400, refused.status(), refused.raw().body());
    assertTrue(
        refused.json().getString("error").contains("unknown tier-2 distributor 'tier2-x'"),
        refused.raw().body());
  }

  boolean askedSince(String name, Instant since) {
    Instant asked = askedAt(name);
    return asked != null && !asked.isBefore(since);
  }

  /** When the newest asked-for status tier 1 heard from the tier-2 distributor was measured. */
  Instant askedAt(String name) {
    JsonObject distributor = distributor(name);
    return distributor.containsKey("lastAskedAt") && !distributor.isNull("lastAskedAt")
        ? Instant.parse(distributor.getString("lastAskedAt"))
        : null;
  }

  JsonObject distributor(String name) {
    return api
        .get("/api/distributors")
        .structure()
        .asJsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(d -> d.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
  }

  long newestTaskId() {
    var newest = api.get("/api/tasks?limit=1").structure().asJsonArray();
    return newest.isEmpty() ? 0 : newest.getJsonObject(0).getJsonNumber("id").longValue();
  }
}
