package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.TaskRequest;
import dev.switchboard.it.ledger.Ledger;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the Payara server with 5,000 tasks in flight, then a restart: every task reaches a
 * final state, none is lost, and none ends twice (exactly one terminal event in its history, and
 * the attempt that ended is the task's current one). The kill hits live work: at least half the
 * tasks have not ended, the servers have load, and the ledger shows runs that it cut short (it is
 * sent as soon as the ledger shows a run that has only just started); after the restart each task's
 * outcome is the report of one completed run of its final attempt.
 */
class CrashIT extends LedgerIT {

  static final int TASKS = 5_000;
  static final int BATCH = 200;
  static final int RUN_MILLIS = 50;
  static final double IN_FLIGHT = 0.5;

  @Test
  void aKilledServerLosesNoTaskAndEndsNoneTwice() throws Exception {
    List<Long> ids =
        InFlight.submit(TASKS, BATCH, "crash", TaskRequest.DEFAULT_TIMEOUT, RUN_MILLIS);
    InFlight.Live live = InFlight.assertLive(ids, IN_FLIGHT, "the kill");
    Ledger.Run fresh = InFlight.awaitFreshRun(ids, Duration.ofMillis(RUN_MILLIS / 2));
    Faults.kill();

    List<Ledger.Run> cut = Ledger.read().inProgress(ids);
    assertTrue(cut.contains(fresh), "the kill came after " + fresh + " had ended; " + live);
    Faults.startDomain();

    Map<Long, String> states =
        await()
            .atMost(Duration.ofMinutes(10))
            .pollInterval(Duration.ofSeconds(3))
            .until(() -> InFlight.states(ids), s -> InFlight.allEnded(s, TASKS));
    assertEquals(TASKS, states.size(), "tasks lost");
    long completed = states.values().stream().filter("COMPLETED"::equals).count();
    System.out.println(
        "CrashIT: at the kill "
            + live
            + "; it cut "
            + cut.size()
            + " runs short; after the restart "
            + completed
            + " completed, "
            + (TASKS - completed)
            + " failed or cancelled");
    assertEquals(TASKS, completed, "every task completes (ledger runs cannot fail): " + states);
    Map<Long, JsonObject> tasks = InFlight.read(ids);
    InFlight.assertEachEndedOnce(tasks);
    InFlight.assertLedger("CrashIT", tasks);
  }
}
