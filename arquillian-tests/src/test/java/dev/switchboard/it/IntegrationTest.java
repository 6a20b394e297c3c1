package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.it.ApiClient.Answer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the integration tests share: Arquillian, Awaitility's defaults for this machine (a look
 * every {@link #POLL}, up to {@link #WITHIN}), the REST client signed in as the first admin, and
 * submitting a task and waiting for its state. A test class names its deployment itself (Arquillian
 * takes one per class): {@link AsBuiltIT} for tests that drive the server from outside; tests that
 * run inside the server build theirs with {@link Deployments#switchboardWith}, which adds this
 * class.
 */
@ExtendWith(ArquillianExtension.class)
abstract class IntegrationTest {

  /** How long a task may take to reach a state it is waited for, unless a test says otherwise. */
  static final Duration WITHIN = Duration.ofSeconds(60);

  /** How often a waiting test looks again. */
  static final Duration POLL = Duration.ofMillis(200);

  static {
    Awaitility.setDefaultTimeout(WITHIN);
    Awaitility.setDefaultPollInterval(POLL);
  }

  final ApiClient api = new ApiClient();

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
