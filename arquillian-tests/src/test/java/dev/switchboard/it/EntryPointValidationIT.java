package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.ApiClient.Answer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every way in checks a task the same way. A remote EJB client over IIOP (the command-line client,
 * in its own JVM, as {@link CliIT} runs it) that sends what the REST API would refuse is refused by
 * the tier-1 pool itself, with the exception naming the field and nothing created; a number that
 * does not fit its field is a 400 and changes nothing; a result longer than its column fails the
 * task saying so instead of being cut.
 */
class EntryPointValidationIT extends AsBuiltIT {

  /** The CLI's exit code for an error it does not map to "unavailable" or "rejected". */
  static final int CLI_FAILED = 1;

  /** The length of the result column (Task.MAX_RESULT). */
  static final String RESULT_LIMIT = "65,536";

  /** One hostile remote submission: the CLI options that make it, and the message it must get. */
  record Hostile(String name, List<String> options, String field, String message) {}

  static List<Hostile> hostileSubmissions() {
    return List.of(
        new Hostile(
            "slots -1",
            List.of("-a", "sha256", "-i", "x", "--slots", "-1"),
            "slots",
            "slots must be at least 1"),
        new Hostile(
            "unknown application",
            List.of("-a", "no-such-app", "-i", "x"),
            "application",
            "unknown application 'no-such-app'"),
        new Hostile(
            "timeout -5",
            List.of("-a", "sha256", "-i", "x", "--run-timeout", "-5"),
            "timeoutSeconds",
            "timeoutSeconds must be at least 1"),
        new Hostile(
            "maxRetries 1,000,000",
            List.of("-a", "sha256", "-i", "x", "--retries", "1000000"),
            "maxRetries",
            "maxRetries must be at most 10"),
        new Hostile(
            "70,000-character input",
            List.of("-a", "sha256", "-i", "x".repeat(70_000)),
            "input",
            "input is longer than 65536 characters"));
  }

  @Test
  void theRemoteSubmitRefusesEachHostileRequestNamingTheFieldAndCreatesNoTask() {
    ApiClient.ensureAccounts();
    long before = BadInputIT.newestTask();
    List<Executable> checks = new ArrayList<>();
    for (Hostile hostile : hostileSubmissions()) {
      checks.add(
          () -> {
            List<String> args = new ArrayList<>(List.of("--iiop", CliIT.IIOP, "submit"));
            args.addAll(hostile.options());
            CliIT.Run run = CliIT.cli(args.toArray(String[]::new));
            String said = hostile.name() + ": " + run.out() + run.err();
            // exit 1, not 3: the pool's exception reached the client as it is, and the pool
            // search did not take it for a failing pool and try the next one
            assertEquals(CLI_FAILED, run.exit(), said);
            assertTrue(run.err().contains(hostile.message()), said);
            assertTrue(run.err().contains(hostile.field()), said);
            assertFalse(run.err().contains("SQL"), "the client saw the database: " + said);
            assertFalse(run.err().contains("\tat "), "the client saw a stack trace: " + said);
            assertFalse(run.err().contains("no tier-1 pool accepted"), said);
          });
    }
    assertAll(checks.stream());
    assertEquals(before, BadInputIT.newestTask(), "a refused remote submission created a task");
  }

  @Test
  void aQueueLimitBeyondAnIntIsA400NamingItAndLeavesTheLimitAsItWas() {
    ApiClient admin = new ApiClient();
    int limit = queueLimit(admin, "tier2-a");
    Answer refused = admin.put("/api/distributors/tier2-a", "{\"queueLimit\":4294977297}");
    assertEquals(400, refused.status(), refused.raw().body());
    assertEquals("queueLimit", refused.json().getString("field"));
    assertTrue(
        refused.json().getString("error").startsWith("queueLimit is out of range"),
        refused.raw().body());
    Answer fraction = admin.put("/api/distributors/tier2-a", "{\"queueLimit\":12.5}");
    assertEquals(400, fraction.status(), fraction.raw().body());
    assertEquals("queueLimit", fraction.json().getString("field"));
    assertEquals(limit, queueLimit(admin, "tier2-a"), "a refused queueLimit changed the limit");
  }

  static int queueLimit(ApiClient api, String distributor) {
    for (JsonValue value : api.get("/api/distributors").structure().asJsonArray()) {
      JsonObject d = value.asJsonObject();
      if (d.getString("name").equals(distributor)) {
        return d.getInt("queueLimit");
      }
    }
    throw new AssertionError("no distributor " + distributor);
  }

  @Test
  void aSortWhoseResultExceedsTheLimitFailsWithTheReasonInsteadOfBeingCut() {
    // 10,000 numbers of 3 characters as input (40,000 characters with the commas) come back as
    // 1000000000 each: 109,999 characters, more than the column holds
    String input = String.join(",", java.util.Collections.nCopies(10_000, "1e9"));
    ApiClient api = ApiClient.operator();
    Answer created =
        api.post(
            "/api/tasks",
            "{\"application\":\"sort\",\"input\":\""
                + input
                + "\",\"user\":\"rita\",\"client\":\"limit-it\"}");
    assertEquals(201, created.status(), created.raw().body());
    long id = created.json().getJsonNumber("id").longValue();
    JsonObject task =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> api.get("/api/tasks/" + id).json(),
                t ->
                    !List.of("SUBMITTED", "PENDING", "ALLOCATED", "RUNNING")
                        .contains(t.getString("state")));
    assertEquals("FAILED", task.getString("state"), task.toString());
    String reason = task.getString("reason");
    assertTrue(
        reason.startsWith("result is 109,999 characters, more than the limit of " + RESULT_LIMIT),
        reason);
    assertFalse(
        task.containsKey("result")
            && !task.isNull("result")
            && task.getString("result").startsWith("1000000000,"),
        "a cut result was stored: " + task);
  }
}
