package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.ApiClient.Answer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The thin path of a task through the REST API, against the real server, broker and database:
 * submission, the route through both tiers, completion, failover between tier-1 pools, and the
 * answers to bad requests.
 */
class TaskRestIT extends AsBuiltIT {

  static final Duration COMPLETION = Duration.ofSeconds(60);

  static String sha256(String input) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  JsonObject awaitState(long id, String state) {
    return awaitState(id, Set.of(state), COMPLETION);
  }

  @Test
  void aSubmittedTaskIsRoutedThroughBothTiersAndCompletes() throws Exception {
    Answer created = api.submitSha256("hello", "alice");

    assertEquals(201, created.status(), created.raw().body());
    JsonObject receipt = created.json();
    long id = receipt.getJsonNumber("id").longValue();
    assertEquals("SUBMITTED", receipt.getString("state"));
    assertTrue(
        created.header("Location").endsWith("/switchboard/api/tasks/" + id),
        created.header("Location"));

    JsonObject task = awaitState(id, "COMPLETED");
    assertEquals(sha256("hello"), task.getString("result"));
    assertEquals("FrontPool1", task.getString("pool"));
    assertEquals("tier2-a", task.getString("tier2"));
    assertTrue(task.getString("server").startsWith("local-"), task.toString());
    List<JsonObject> events = task.getJsonArray("events").getValuesAs(JsonObject.class);
    assertEquals(
        List.of("SUBMITTED", "FORWARDED", "ALLOCATED", "RUNNING", "COMPLETED"),
        events.stream().map(e -> e.getString("state")).toList());
    Instant previous = Instant.MIN;
    for (JsonObject event : events) {
      Instant at = Instant.parse(event.getString("at"));
      assertFalse(at.isBefore(previous), "history out of order: " + events);
      previous = at;
    }
    assertEquals(task.getString("server"), events.get(2).getString("server"));
  }

  @Test
  void theEmbeddedDefaultHasThreeDifferentServers() {
    JsonArray servers = api.get("/api/servers").structure().asJsonArray();
    // other tests register servers of their own; the embedded default's are local-1..3
    List<JsonObject> all =
        servers.getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getString("name").startsWith("local-"))
            .toList();
    assertEquals(3, all.size(), servers.toString());
    Set<String> zones = all.stream().map(s -> s.getString("zone")).collect(Collectors.toSet());
    Set<Integer> slots = all.stream().map(s -> s.getInt("slots")).collect(Collectors.toSet());
    assertTrue(zones.size() >= 3, "zones " + zones);
    assertTrue(slots.size() >= 3, "slots " + slots);
    for (JsonObject server : all) {
      assertTrue(server.getJsonArray("applications").toString().contains("\"sha256\""));
      assertNotNull(server.getString("idlePowerMeasuredAt"));
    }
  }

  @Test
  void aDisabledFirstPoolIsSkippedAndTheSecondTakesTheTask() {
    assertEquals(200, api.post("/api/distributors/FrontPool1/disable", "").status());
    try {
      Answer created = api.submitSha256("failover", "bob");
      assertEquals(201, created.status(), created.raw().body());
      JsonObject receipt = created.json();
      assertEquals("FrontPool2", receipt.getString("pool"));
      assertEquals(
          "[\"FrontPool1: pool is disabled\"]", receipt.getJsonArray("skipped").toString());

      JsonObject task = awaitState(receipt.getJsonNumber("id").longValue(), "COMPLETED");
      assertEquals("FrontPool2", task.getString("pool"));
      assertEquals("FrontPool1: pool is disabled", task.getString("skippedPools"));
    } finally {
      assertEquals(200, api.post("/api/distributors/FrontPool1/enable", "").status());
    }
  }

  @Test
  void whenNoPoolAcceptsTheAnswerIs503AndNothingIsPersisted() {
    long newestBefore = newestTaskId();
    api.post("/api/distributors/FrontPool1/drain", "");
    api.post("/api/distributors/FrontPool2/disable", "");
    try {
      Answer refused = api.submitSha256("nobody home", "carol");
      assertEquals(503, refused.status(), refused.raw().body());
      assertEquals("5", refused.header("Retry-After"));
      String error = refused.json().getString("error");
      assertTrue(error.contains("FrontPool1: pool is draining"), error);
      assertTrue(error.contains("FrontPool2: pool is disabled"), error);
      assertEquals(newestBefore, newestTaskId());
    } finally {
      api.post("/api/distributors/FrontPool1/enable", "");
      api.post("/api/distributors/FrontPool2/enable", "");
    }
    assertEquals(201, api.submitSha256("back again", "carol").status());
  }

  long newestTaskId() {
    JsonArray newest = api.get("/api/tasks?limit=1").structure().asJsonArray();
    return newest.isEmpty() ? 0 : newest.getJsonObject(0).getJsonNumber("id").longValue();
  }

  @Test
  void badRequestsAre400NamingTheField() {
    assertAll(
        () ->
            assertRejected(
                "{\"application\":\"nope\",\"input\":\"x\",\"user\":\"a\",\"client\":\"c\"}",
                "application",
                "unknown application 'nope'"),
        () ->
            assertRejected(
                "{\"input\":\"x\",\"user\":\"a\",\"client\":\"c\"}",
                "application",
                "application is required"),
        () ->
            assertRejected(
                "{\"application\":\"sha256\",\"input\":\"x\",\"client\":\"c\"}",
                "user",
                "user is required"),
        () ->
            assertRejected(
                "{\"application\":\"sha256\",\"input\":\"x\",\"user\":\"a\"}",
                "client",
                "client is required"),
        () ->
            assertRejected(
                "{\"application\":\"sha256\",\"input\":7,\"user\":\"a\",\"client\":\"c\"}",
                "input",
                "input must be a string"),
        () -> assertRejected("{\"application\":\"sha256\",", null, "malformed JSON"),
        () -> assertRejected("", null, "empty"));
  }

  void assertRejected(String body, String field, String errorStart) {
    Answer answer = api.post("/api/tasks", body);
    assertEquals(400, answer.status(), body + " -> " + answer.raw().body());
    JsonObject error = answer.json();
    assertTrue(error.getString("error").contains(errorStart), error.toString());
    if (field == null) {
      assertEquals(JsonValue.NULL, error.get("field"), error.toString());
    } else {
      assertEquals(field, error.getString("field"));
    }
  }

  @Test
  void aBatchIsAcceptedWholeAndEveryTaskCompletes() throws Exception {
    Answer created =
        api.post(
            "/api/tasks:batch",
            "{\"tasks\":["
                + "{\"application\":\"sha256\",\"input\":\"one\",\"user\":\"bea\",\"client\":\"c\"},"
                + "{\"application\":\"sha256\",\"input\":\"two\",\"user\":\"bea\",\"client\":\"c\"},"
                + "{\"application\":\"sha256\",\"input\":\"three\",\"user\":\"bea\",\"client\":\"c\"}]}");
    assertEquals(201, created.status(), created.raw().body());
    assertEquals(3, created.json().getInt("count"));
    List<JsonObject> receipts = created.json().getJsonArray("tasks").getValuesAs(JsonObject.class);
    List<String> inputs = List.of("one", "two", "three");
    for (int i = 0; i < 3; i++) {
      JsonObject task = awaitState(receipts.get(i).getJsonNumber("id").longValue(), "COMPLETED");
      assertEquals(sha256(inputs.get(i)), task.getString("result"));
    }
  }

  @Test
  void aResubmittedTaskRunsAgainAsANewTaskForOperatorsOnly() throws Exception {
    long first =
        submit(
            "{\"application\":\"sha256\",\"input\":\"again\",\"user\":\"rea\",\"client\":\"c\"}");
    awaitState(first, "COMPLETED");

    assertEquals(403, ApiClient.viewer().post("/api/tasks/" + first + "/resubmit", "").status());
    assertEquals(404, api.post("/api/tasks/999999999/resubmit", "").status());
    Answer again = api.post("/api/tasks/" + first + "/resubmit", "");
    assertEquals(201, again.status(), again.raw().body());
    long second = again.json().getJsonNumber("id").longValue();
    assertNotEquals(first, second);
    assertTrue(again.header("Location").endsWith("/api/tasks/" + second), again.header("Location"));
    JsonObject done = awaitState(second, "COMPLETED");
    assertEquals(sha256("again"), done.getString("result"));
    assertEquals("rea", done.getString("user"));
    assertEquals(1, done.getInt("attempt"), done.toString());
  }

  @Test
  void aBatchWithOneBadTaskIsRejectedWholeNamingIt() {
    long newest = newestTaskId();
    Answer refused =
        api.post(
            "/api/tasks:batch",
            "{\"tasks\":["
                + "{\"application\":\"sha256\",\"input\":\"ok\",\"user\":\"bea\",\"client\":\"c\"},"
                + "{\"application\":\"sha256\",\"input\":\"ok\",\"client\":\"c\"}]}");
    assertEquals(400, refused.status(), refused.raw().body());
    assertEquals("tasks[1].user", refused.json().getString("field"));
    assertEquals("in tasks[1]: user is required", refused.json().getString("error"));
    assertEquals(newest, newestTaskId());
    assertEquals(400, api.post("/api/tasks:batch", "{\"tasks\":[]}").status());
  }

  @Test
  void anUnknownTaskIs404() {
    Answer missing = api.get("/api/tasks/987654321");
    assertEquals(404, missing.status());
    assertEquals("id", missing.json().getString("field"));
    assertEquals(404, api.get("/api/tasks/not-a-number").status());
  }

  @Test
  void theConsoleTaskSearchFiltersAndPagesInTheQuery() {
    String user = "dave-" + System.nanoTime();
    long id = api.submitSha256("for the console", user).json().getJsonNumber("id").longValue();
    Answer page = api.get("/tasks.xhtml?user=" + user);
    assertEquals(200, page.status());
    String html = page.raw().body();
    assertTrue(html.contains(">" + id + "</a>"), "task " + id + " not listed: " + html);
    assertTrue(html.contains("1 tasks · page 1 of 1"), "not exactly one match: " + html);
    Answer bad = api.get("/tasks.xhtml?state=DONE");
    assertTrue(bad.raw().body().contains("state: unknown state"), bad.raw().body());
  }

  /** Five tasks of a user of their own, completed; their ids in submission order. */
  List<Long> fiveCompletedTasksOf(String user) {
    StringBuilder tasks = new StringBuilder("{\"tasks\":[");
    for (int i = 0; i < 5; i++) {
      tasks
          .append(i == 0 ? "" : ",")
          .append("{\"application\":\"sha256\",\"input\":\"list-")
          .append(i)
          .append("\",\"user\":\"")
          .append(user)
          .append("\",\"client\":\"c\"}");
    }
    Answer created = api.post("/api/tasks:batch", tasks.append("]}").toString());
    assertEquals(201, created.status(), created.raw().body());
    List<Long> ids =
        created.json().getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
            .map(t -> t.getJsonNumber("id").longValue())
            .toList();
    ids.forEach(id -> awaitState(id, "COMPLETED"));
    return ids;
  }

  static List<Long> idsOf(Answer page) {
    return page.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
        .map(t -> t.getJsonNumber("id").longValue())
        .toList();
  }

  /** The path (from /api) of the Link with this relation, or null. */
  static String link(Answer page, String rel) {
    for (String header : page.raw().headers().allValues("Link")) {
      for (String value : header.split(",\\s*(?=<)")) {
        if (value.matches("(?s)<[^>]*>.*rel=\"?" + rel + "\"?.*")) {
          String target = value.substring(1, value.indexOf('>'));
          return target.substring(target.indexOf("/api/"));
        }
      }
    }
    return null;
  }

  long total(String query) {
    Answer page = api.get("/api/tasks?" + query);
    assertEquals(200, page.status(), query + " -> " + page.raw().body());
    return Long.parseLong(page.header("X-Total-Count"));
  }

  @Test
  void theTaskListPagesWithoutOverlapCountsAndLinksTheNextPage() {
    String user = "lena-" + System.nanoTime();
    List<Long> ids = fiveCompletedTasksOf(user);
    List<Long> newestFirst = ids.stream().sorted(java.util.Comparator.reverseOrder()).toList();

    Answer first = ApiClient.viewer().get("/api/tasks?user=" + user + "&limit=2");
    assertEquals(200, first.status(), first.raw().body());
    assertEquals("5", first.header("X-Total-Count"));
    assertEquals(newestFirst.subList(0, 2), idsOf(first));
    assertEquals(null, link(first, "prev"), "the first page has no previous");
    String next = link(first, "next");
    assertNotNull(next, first.raw().headers().allValues("Link").toString());
    assertTrue(next.contains("user=" + user) && next.contains("cursor="), next);

    Answer second = api.get(next);
    assertEquals(200, second.status(), second.raw().body());
    assertEquals(newestFirst.subList(2, 4), idsOf(second));
    assertEquals("5", second.header("X-Total-Count"));
    Answer third = api.get(link(second, "next"));
    assertEquals(newestFirst.subList(4, 5), idsOf(third));
    assertEquals(null, link(third, "next"), "the last page has no next");
    assertEquals(newestFirst.subList(2, 4), idsOf(api.get(link(third, "prev"))));
    assertEquals(newestFirst.subList(0, 2), idsOf(api.get(link(third, "first"))));

    Answer byOffset = api.get("/api/tasks?user=" + user + "&limit=2&offset=2");
    assertEquals(newestFirst.subList(2, 4), idsOf(byOffset));
    assertEquals(newestFirst.subList(4, 5), idsOf(api.get(link(byOffset, "next"))));
  }

  @Test
  void theTaskListFiltersAndSorts() {
    String user = "milo-" + System.nanoTime();
    List<Long> ids = fiveCompletedTasksOf(user);
    JsonObject one = api.get("/api/tasks/" + ids.get(2)).json();

    assertEquals(ids, idsOf(api.get("/api/tasks?user=" + user + "&sort=id")));
    assertEquals(
        ids.stream().sorted(java.util.Comparator.reverseOrder()).toList(),
        idsOf(api.get("/api/tasks?user=" + user + "&sort=-submittedAt")));
    assertEquals(5, total("user=" + user + "&state=COMPLETED&application=sha256"));
    assertEquals(5, total("user=" + user + "&state=pending,COMPLETED&sort=state"));
    assertEquals(0, total("user=" + user + "&state=PENDING"));
    assertEquals(5, total("user=" + user + "&distributor=" + one.getString("tier2")));
    assertEquals(0, total("user=" + user + "&distributor=no-such-tier2"));
    assertEquals(5, total("text=" + user));
    assertEquals(List.of(ids.get(2)), idsOf(api.get("/api/tasks?text=" + ids.get(2))));
    String at = one.getString("submittedAt");
    String window =
        "/api/tasks?user="
            + user
            + "&server="
            + one.getString("server")
            + "&submittedFrom="
            + at
            + "&submittedBefore="
            + Instant.parse(at).plusNanos(1_000);
    List<JsonObject> inWindow =
        api.get(window).structure().asJsonArray().getValuesAs(JsonObject.class);
    assertTrue(
        inWindow.stream().anyMatch(t -> t.getJsonNumber("id").longValue() == ids.get(2)),
        window + " -> " + inWindow);
    for (JsonObject task : inWindow) {
      assertEquals(at, task.getString("submittedAt"), task.toString());
      assertEquals(one.getString("server"), task.getString("server"), task.toString());
    }
    assertEquals(0, total("user=" + user + "&submittedFrom=2999-01-01T00:00:00Z"));
  }

  @Test
  void eachBadTaskListParameterIs400NamingIt() {
    assertAll(
        () -> assertListRefused("state=DONE", "state", "state: unknown state 'DONE'"),
        () -> assertListRefused("state=PENDING,LATER", "state", "unknown state 'LATER'"),
        () -> assertListRefused("submittedFrom=yesterday", "submittedFrom", "ISO-8601"),
        () -> assertListRefused("submittedBefore=2026-13-01", "submittedBefore", "ISO-8601"),
        () -> assertListRefused("limit=0", "limit", "between 1 and 500"),
        () -> assertListRefused("limit=501", "limit", "between 1 and 500"),
        () -> assertListRefused("limit=many", "limit", "whole number"),
        () -> assertListRefused("offset=-1", "offset", "between 0 and"),
        () -> assertListRefused("offset=10001", "offset", "between 0 and"),
        () -> assertListRefused("sort=priority", "sort", "sort: unknown key 'priority'"),
        () -> assertListRefused("cursor=not-a-cursor", "cursor", "not a cursor"),
        () -> assertListRefused("cursor=Zm9v", "cursor", "not a cursor"),
        () -> assertListRefused("text=" + "x".repeat(129), "text", "at most 128"));
    // a cursor needs a next page: two tasks of the test's own, whatever ran before it
    String user = "cora-" + System.nanoTime();
    for (String input : List.of("c1", "c2")) {
      submit(
          "{\"application\":\"sha256\",\"input\":\""
              + input
              + "\",\"user\":\""
              + user
              + "\",\"client\":\"c\"}");
    }
    Answer first = api.get("/api/tasks?limit=1&sort=id&user=" + user);
    String cursor = link(first, "next");
    assertNotNull(cursor, "two tasks and no next page: " + first.raw().headers().map());
    String madeForId =
        cursor.substring(cursor.indexOf("cursor=") + "cursor=".length()).split("&")[0];
    assertListRefused("sort=-id&cursor=" + madeForId, "cursor", "made for sort 'id'");
    assertListRefused("sort=id&offset=3&cursor=" + madeForId, "cursor", "either offset or cursor");
  }

  void assertListRefused(String query, String field, String errorPart) {
    Answer answer = api.get("/api/tasks?" + query);
    assertEquals(400, answer.status(), query + " -> " + answer.raw().body());
    JsonObject error = answer.json();
    assertEquals(field, error.getString("field"), error.toString());
    assertTrue(error.getString("error").contains(errorPart), error.toString());
  }
}
