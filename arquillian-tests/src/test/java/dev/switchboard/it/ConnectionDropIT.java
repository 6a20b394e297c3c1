package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.TaskRequest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
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
 * tasks with a clear 503, and after a restart the tasks carry on. Every drop hits live work: at
 * least a quarter of the tasks have not ended, the servers have load and runs are in progress
 * during it. Either way every task completes, none is lost, none ends twice, and each took the
 * outcome of one completed run of its final attempt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionDropIT extends LedgerIT {

  static final int TASKS = 600;
  static final int BATCH = 100;
  static final int DROPS = 3;
  // measured: about 23 runs a second on the 14 local slots, so work is left for the third drop
  static final int RUN_MILLIS = 250;
  static final double IN_FLIGHT = 0.25;

  @Test
  @Order(1)
  void droppedDatabaseSessionsLoseNoTask() throws Exception {
    // a short timeout: a task whose dispatch the broker holds in doubt is requeued once its
    // timeout and OverdueTasks' grace have passed, well within the wait below
    List<Long> ids = InFlight.submit(TASKS, BATCH, "drop-database", 30, RUN_MILLIS);
    int dropped = 0;
    for (int drop = 1; drop <= DROPS; drop++) {
      InFlight.Live live = InFlight.assertLive(ids, IN_FLIGHT, "database drop " + drop);
      long ended = ids.size() - live.notEnded();
      // sent as soon as a run has only just started, so that it hits one: runs come in batches,
      // and a drop of 100 ms sent at a random moment once fell between two (CI, 2 cores)
      InFlight.awaitFreshRun(ids, Duration.ofMillis(RUN_MILLIS / 2));
      Instant from = Instant.now();
      int closed = Faults.dropDatabaseSessions();
      Instant to = Instant.now();
      int hit = InFlight.assertHit(ids, live, from, to, "database drop " + drop);
      System.out.println(
          "ConnectionDropIT: database drop "
              + drop
              + " closed "
              + closed
              + " sessions with "
              + live
              + "; "
              + hit
              + " runs in progress during it");
      dropped += closed;
      // the next drop only once work has moved on since this one: the server recovered
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> InFlight.ended(ids), now -> now >= ended + 20);
    }
    assertTrue(dropped > 0, "no database session was closed");
    allCompletedOnce(ids, "database", dropped);
  }

  @Test
  @Order(2)
  void droppedBrokerConnectionsAreReportedAndARestartLosesNoTask() throws Exception {
    List<Long> ids =
        InFlight.submit(TASKS, BATCH, "drop-broker", TaskRequest.DEFAULT_TIMEOUT, RUN_MILLIS);
    List<String> connections = Faults.brokerConnections();
    InFlight.Live live = InFlight.assertLive(ids, IN_FLIGHT, "the broker drop");
    // as for the database: the runs seen live may all have ended by the time the drop goes out
    // (a 7 s drop once came after them, with no run started since: CI, 2 cores)
    InFlight.awaitFreshRun(ids, Duration.ofMillis(RUN_MILLIS / 2));
    Instant from = Instant.now();
    int dropped = Faults.dropBrokerConnections(connections);
    Instant to = Instant.now();
    assertTrue(dropped > 0, "no broker connection was destroyed");
    int hit = InFlight.assertHit(ids, live, from, to, "the broker drop");
    System.out.println(
        "ConnectionDropIT: the broker drop destroyed "
            + dropped
            + " connections with "
            + live
            + "; "
            + hit
            + " runs in progress during it");

    ApiClient.Answer health =
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> new ApiClient(null, null).get("/api/health"), a -> a.status() == 503);
    assertTrue(health.raw().body().contains("broker"), health.raw().body());
    // MicroProfile Health says the same: not ready, and not live (a restart is the remedy)
    HealthProbe.Answer ready = HealthProbe.ask(HealthProbe.READY, "switchboard");
    assertEquals(503, ready.status(), ready.body());
    assertTrue(ready.data().getString("broker").contains("restart"), ready.body());
    assertEquals("UP", ready.data().getString("database"), ready.body());
    HealthProbe.Answer alive = HealthProbe.ask(HealthProbe.LIVE, "switchboard-messaging");
    assertEquals(503, alive.status(), alive.body());
    assertEquals("DOWN", alive.checkStatus(), alive.body());
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
            .until(() -> InFlight.states(ids), s -> InFlight.allEnded(s, ids.size()));
    long completed = states.values().stream().filter("COMPLETED"::equals).count();
    System.out.println(
        "ConnectionDropIT: "
            + dropped
            + " "
            + what
            + " connections dropped; "
            + completed
            + " of "
            + ids.size()
            + " completed");
    assertEquals(
        ids.size(), completed, "every task completes (ledger runs cannot fail): " + states);
    Map<Long, JsonObject> tasks = InFlight.read(ids);
    InFlight.assertEachEndedOnce(tasks);
    InFlight.assertLedger("ConnectionDropIT (" + what + ")", tasks);
    assertEquals(200, new ApiClient(null, null).get("/api/health").status());
  }
}
