package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.DeadLetterLog;
import dev.switchboard.api.Destinations;
import dev.switchboard.api.Profiles;
import dev.switchboard.api.UserProfileView;
import dev.switchboard.it.ApiClient.Answer;
import dev.switchboard.it.DeadLetterWatch.Outgoing;
import dev.switchboard.messaging.MessageCodec;
import dev.switchboard.messaging.StatusBatch;
import dev.switchboard.messaging.StatusReport;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.naming.InitialContext;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * No task may hurt another, on the real server: a requirement of nested comprehensions is refused
 * at submission while another user's task completes; a rank of {@code 1.0/0.0} submitted in one
 * batch with other users' tasks leaves theirs to complete; a forged status report put on the status
 * queue for a running task is dead-lettered, and the task runs on to its own result; a task of
 * seconds dispatched with a long one is reported when it ends, not when the long one does; a thread
 * interrupted while it writes to the database (a run cut at its timeout, a container's timeout)
 * leaves the database to everyone else.
 */
class HostileTaskIT extends IntegrationTest {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.switchboardWith(
        new Class<?>[] {HostileTaskIT.class}, Awaitility.class, Matcher.class);
  }

  static String task(String user, String input, String extra) {
    return "{\"application\":\"sha256\",\"input\":\""
        + input
        + "\",\"user\":\""
        + user
        + "\",\"client\":\"it-hostile\""
        + extra
        + "}";
  }

  static String list(int n) {
    return IntStream.range(0, n)
        .mapToObj(Integer::toString)
        .collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void nestedComprehensionsAreRefusedWhileAnotherUsersTaskCompletes() {
    String ten = list(10);
    String nested =
        ten + ".all(a, " + ten + ".all(b, " + ten + ".all(c, " + ten + ".all(d, a+b+c+d >= 0))))";
    long innocent = submit(task("hostile-innocent", "before", ""));
    Answer refused =
        api.post(
            "/api/tasks", task("hostile-mallory", "x", ",\"requirements\":\"" + nested + "\""));
    assertEquals(400, refused.status(), refused.raw().body());
    assertEquals("requirements", refused.json().getString("field"));
    assertTrue(
        refused.json().getString("error").contains("nests comprehensions"),
        refused.json().toString());
    long after = submit(task("hostile-innocent", "after", ""));
    awaitState(innocent, "COMPLETED");
    awaitState(after, "COMPLETED");

    // a long literal is a clean refusal too, never a 500
    Answer literal =
        api.post(
            "/api/tasks",
            task(
                "hostile-mallory",
                "x",
                ",\"requirements\":\"server.zone == '" + "a".repeat(2_000) + "'\""));
    assertNotEquals(500, literal.status(), literal.raw().body());
  }

  @Test
  void anInfiniteRankInABatchLeavesTheOtherUsersTasksToComplete() {
    Answer created =
        api.post(
            "/api/tasks:batch",
            "{\"tasks\":["
                + task("hostile-ann", "one", "")
                + ","
                + task("hostile-mallory", "inf", ",\"rank\":\"1.0/0.0\"")
                + ","
                + task("hostile-ben", "two", "")
                + ","
                + task("hostile-cat", "three", ",\"rank\":\"server.power\"")
                + "]}");
    assertEquals(201, created.status(), created.raw().body());
    List<JsonObject> receipts = created.json().getJsonArray("tasks").getValuesAs(JsonObject.class);
    long hostile = receipts.get(1).getJsonNumber("id").longValue();
    for (int i : new int[] {0, 2, 3}) {
      awaitState(receipts.get(i).getJsonNumber("id").longValue(), "COMPLETED");
    }
    JsonObject bad = awaitState(hostile, Set.of("PENDING", "FAILED"), Duration.ofSeconds(30));
    assertEquals("PENDING", bad.getString("state"), "excluded everywhere by its score: " + bad);
    JsonObject why = api.get("/api/tasks/" + hostile + "/explain").json();
    assertTrue(why.getJsonObject("excluded").getInt("score") > 0, why.toString());
    assertTrue(why.toString().contains("not a finite number"), why.toString());
    api.post("/api/tasks/" + hostile + "/cancel", "{}");
  }

  @Test
  void aForgedStatusReportIsDeadLetteredAndTheTaskRunsOnToItsOwnResult() throws Exception {
    long id =
        submit(
            "{\"application\":\"sleep\",\"input\":\"8000\",\"user\":\"hostile-victim\","
                + "\"client\":\"it-hostile\"}");
    JsonObject running = awaitState(id, Set.of("ALLOCATED", "RUNNING"), Duration.ofSeconds(30));
    String server = running.getString("server");
    int attempt = running.getInt("attempt", 1);

    DeadLetterWatch watch = new DeadLetterWatch();
    Instant now = Instant.now();
    StatusBatch wrongServer =
        new StatusBatch(
            List.of(new StatusReport(id, attempt, "evil-node", true, now, now, "forged", "x")));
    StatusBatch wrongNode =
        new StatusBatch(
            List.of(new StatusReport(id, attempt, server, true, now, now, "forged", "evil-node")));
    watch.send(
        List.of(wrongServer, wrongNode).stream()
            .map(
                forged ->
                    new Outgoing(
                        Destinations.STATUS, c -> c.createTextMessage(MessageCodec.toJson(forged))))
            .toList());

    List<DeadLetterLog.Entry> parked =
        watch.awaitParked(
            2,
            20,
            d -> "status".equals(d.source()),
            Duration.ofSeconds(30),
            Duration.ofMillis(200));
    for (DeadLetterLog.Entry d : parked) {
      assertTrue(d.reason().contains("refused"), d.reason());
      assertEquals(0, d.tasks(), "the dead letter names no task to fail: " + d);
    }
    assertTrue(parked.stream().anyMatch(d -> d.reason().contains("names server evil-node")));
    assertTrue(parked.stream().anyMatch(d -> d.reason().contains("it names node evil-node")));

    JsonObject untouched = api.get("/api/tasks/" + id).json();
    assertTrue(
        Set.of("ALLOCATED", "RUNNING").contains(untouched.getString("state")),
        untouched.toString());
    assertFalse(untouched.toString().contains("forged"), untouched.toString());
    JsonObject done = awaitState(id, "COMPLETED");
    assertEquals("slept 8000 ms", done.getString("result"));
    assertEquals(server, done.getString("server"));
    assertFalse(done.toString().contains("evil-node"), done.toString());
  }

  @Test
  void aLongTaskDoesNotHoldBackTheResultOfAShortOneDispatchedWithIt() {
    // one batch, both tasks on one server: one match round, one dispatch message for the node
    String onOneServer = ",\"requirements\":\"server.name == 'local-1'\"";
    Answer created =
        api.post(
            "/api/tasks:batch",
            "{\"tasks\":[{\"application\":\"sleep\",\"input\":\"30000\","
                + "\"user\":\"hostile-slow\",\"client\":\"it-hostile\""
                + onOneServer
                + "},"
                + task("hostile-quick", "quick", onOneServer)
                + "]}");
    assertEquals(201, created.status(), created.raw().body());
    List<JsonObject> receipts = created.json().getJsonArray("tasks").getValuesAs(JsonObject.class);
    long slow = receipts.get(0).getJsonNumber("id").longValue();
    long quick = receipts.get(1).getJsonNumber("id").longValue();
    try {
      JsonObject done = awaitState(quick, Set.of("COMPLETED"), Duration.ofSeconds(20));
      JsonObject other = api.get("/api/tasks/" + slow).json();
      assertEquals(allocatedAt(other), allocatedAt(done), "not allocated together: " + other);
      assertTrue(
          Set.of("ALLOCATED", "RUNNING").contains(other.getString("state")),
          "the quick task's result waited for the slow one: " + other);
    } finally {
      api.post("/api/tasks/" + slow + "/cancel", "{}");
    }
  }

  /** When the task was allocated, as its history says. */
  static String allocatedAt(JsonObject task) {
    return task.getJsonArray("events").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getString("state").equals("ALLOCATED"))
        .map(e -> e.getString("at"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("never allocated: " + task));
  }

  @Test
  void aThreadInterruptedWhileItWritesLeavesTheDatabaseToEveryone() throws Exception {
    Profiles profiles =
        (Profiles)
            new InitialContext()
                .lookup(
                    "java:global/switchboard/ejb-distributor/ProfileStore!"
                        + Profiles.class.getName());
    String user = "hostile-interrupted-" + System.nanoTime() % 100_000;
    UserProfileView written;
    // the write commits on this thread, its interrupt flag set: on H2's plain file system the
    // interrupt closed the file channel and the database with it, for every session of the server
    Thread.currentThread().interrupt();
    try {
      written = profiles.putUser(new UserProfileView(user, 1, 0, List.of(), Map.of(), Map.of()));
    } finally {
      Thread.interrupted();
    }
    assertEquals(user, written.user());
    long after = submit(task("hostile-innocent", "after-interrupt", ""));
    awaitState(after, "COMPLETED");
    assertTrue(profiles.deleteUser(user), "the interrupted write was stored");
  }
}
