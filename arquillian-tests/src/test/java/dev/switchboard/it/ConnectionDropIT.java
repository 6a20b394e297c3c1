package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Connections dropping while tasks are in flight. The database's: three times, each once tasks have
 * moved on since the last drop, the database closes every session of the server; the server carries
 * on by itself (a matching transaction whose commit is cut leaves its tasks allocated and their
 * dispatch in doubt: OverdueTasks requeues them after their timeout). The broker's: the broker
 * destroys every connection of the server, which the embedded broker's resource adapter does not
 * re-establish for its message consumers; the server says so on {@code /api/health} and refuses new
 * tasks with a clear 503, and after a restart the tasks carry on. Either way every task completes,
 * none is lost and none ends twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionDropIT extends AsBuiltIT {

  static final int TASKS = 600;
  static final int BATCH = 100;
  static final int DROPS = 3;

  @Test
  @Order(1)
  void droppedDatabaseSessionsLoseNoTask() throws Exception {
    // a short timeout: a task whose dispatch the broker holds in doubt is requeued once its
    // timeout and OverdueTasks' grace have passed, well within the wait below
    List<Long> ids = InFlight.submitSleeps(TASKS, BATCH, "drop-database", 30);
    int dropped = 0;
    for (int drop = 0; drop < DROPS; drop++) {
      long ended = InFlight.ended(ids);
      if (drop == 0) {
        assertTrue(ended < TASKS, "all tasks ended before the first drop; nothing was in flight");
      }
      dropped += Faults.dropDatabaseSessions();
      // the next drop only once work has moved on since this one: the server recovered
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> InFlight.ended(ids), now -> now == TASKS || now >= ended + 20);
    }
    assertTrue(dropped > 0, "no database session was closed");
    allCompletedOnce(ids, "database", dropped);
  }

  @Test
  @Order(2)
  void droppedBrokerConnectionsAreReportedAndARestartLosesNoTask() throws Exception {
    List<Long> ids = InFlight.submitSleeps(TASKS, BATCH, "drop-broker");
    assertTrue(InFlight.ended(ids) < TASKS, "all tasks ended before the drop; nothing in flight");
    int dropped = Faults.dropBrokerConnections();
    assertTrue(dropped > 0, "no broker connection was destroyed");

    ApiClient.Answer health =
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> new ApiClient(null, null).get("/api/health"), a -> a.status() == 503);
    assertTrue(health.raw().body().contains("broker"), health.raw().body());
    ApiClient.Answer refused =
        ApiClient.operator()
            .post(
                "/api/tasks",
                "{\"application\":\"sleep\",\"input\":\"1\",\"user\":\"u\",\"client\":\"c\"}");
    assertEquals(503, refused.status(), refused.raw().body());

    Faults.restart();
    allCompletedOnce(ids, "broker", dropped);
  }

  private static void allCompletedOnce(List<Long> ids, String what, int dropped) throws Exception {
    Map<Long, String> states =
        await()
            .atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofSeconds(2))
            .ignoreExceptions()
            .until(() -> InFlight.states(ids), s -> InFlight.allEnded(s, TASKS));
    long completed = states.values().stream().filter("COMPLETED"::equals).count();
    System.out.println(
        "ConnectionDropIT: "
            + dropped
            + " "
            + what
            + " connections dropped; "
            + completed
            + " of "
            + TASKS
            + " completed");
    assertEquals(TASKS, completed, "every task completes (sleep cannot fail): " + states);
    InFlight.assertEachEndedOnce(ids);
    assertEquals(200, new ApiClient(null, null).get("/api/health").status());
  }
}
