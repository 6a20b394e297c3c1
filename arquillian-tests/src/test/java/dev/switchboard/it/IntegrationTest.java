package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.it.ApiClient.Answer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the integration tests share: Arquillian, Awaitility's defaults for this machine (a look
 * every {@link #POLL}, up to {@link #WITHIN}), the REST client signed in as the first admin, and
 * submitting a task and waiting for its state, waiting for a broadcast a tier-2 distributor was
 * asked for. A test class names its deployment itself (Arquillian takes one per class): {@link
 * AsBuiltIT} for tests that drive the server from outside; tests that run inside the server build
 * theirs with {@link Deployments#switchboardWith}, which adds this class.
 */
@ExtendWith({ArquillianExtension.class, FailureDiagnostics.class})
abstract class IntegrationTest {

  /** How long a task may take to reach a state it is waited for, unless a test says otherwise. */
  static final Duration WITHIN = Duration.ofSeconds(60);

  /** How often a waiting test looks again. */
  static final Duration POLL = Duration.ofMillis(200);

  static {
    Awaitility.setDefaultTimeout(WITHIN);
    Awaitility.setDefaultPollInterval(POLL);
  }

  /**
   * The tier-2 heartbeat's period ({@code switchboard.tier2.heartbeatSeconds}): read in the server,
   * where in-server tests run; a test driving the server from outside assumes the default, which
   * the IT domain keeps.
   */
  static final Duration HEARTBEAT =
      Duration.ofSeconds(Math.max(1, Long.getLong("switchboard.tier2.heartbeatSeconds", 5)));

  final ApiClient api = new ApiClient();

  /**
   * Runs {@code trigger}, which must make the tier-2 distributors broadcast at once, and returns
   * when tier 1 has heard the status that broadcast carried: one sent because it was asked (the
   * heartbeat's say they come from the timer), measured after the trigger started. The broadcast is
   * told from the heartbeat by what it says, not by when it came, so a slow machine cannot make one
   * pass for the other; it must come within a few heartbeat periods.
   *
   * @param askedAt when the newest asked-for status tier 1 heard from a tier-2 distributor was
   *     measured, or null
   */
  static Instant askedBroadcastHeard(Supplier<Instant> askedAt, Runnable trigger) {
    Instant start = Instant.now();
    trigger.run();
    return await()
        .atMost(HEARTBEAT.multipliedBy(3))
        .pollInterval(Duration.ofMillis(50))
        .until(askedAt::get, at -> at != null && at.isAfter(start));
  }

  /** Submits one task over REST, which must accept it, and returns its id. */
  long submit(String json) {
    Answer created = api.post("/api/tasks", json);
    assertEquals(201, created.status(), created.raw().body());
    return created.json().getJsonNumber("id").longValue();
  }

  /** Waits until the task is in the state, and returns it as the API shows it then. */
  JsonObject awaitState(long id, String state) {
    return awaitState(id, Set.of(state), WITHIN);
  }

  /** Waits until the task is in one of the states, at most {@code within}. */
  JsonObject awaitState(long id, Set<String> states, Duration within) {
    return await()
        .atMost(within)
        .until(
            () -> api.get("/api/tasks/" + id).json(), t -> states.contains(t.getString("state")));
  }
}
