package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the Payara server with 5,000 tasks in flight, then a restart: every task reaches a
 * final state, none is lost, and none ends twice (exactly one terminal event in its history, and
 * the attempt that ended is the task's current one).
 */
class CrashIT extends AsBuiltIT {

  static final int TASKS = 5_000;
  static final int BATCH = 200;

  @Test
  void aKilledServerLosesNoTaskAndEndsNoneTwice() throws Exception {
    List<Long> ids = InFlight.submitSleeps(TASKS, BATCH, "crash");
    long ended = InFlight.ended(ids);
    assertTrue(ended < TASKS, "all tasks ended before the crash; nothing was in flight");

    Faults.killAndRestart();

    Map<Long, String> states =
        await()
            .atMost(Duration.ofMinutes(10))
            .pollInterval(Duration.ofSeconds(3))
            .until(() -> InFlight.states(ids), s -> InFlight.allEnded(s, TASKS));
    assertEquals(TASKS, states.size(), "tasks lost");
    long completed = states.values().stream().filter("COMPLETED"::equals).count();
    System.out.println(
        "CrashIT: "
            + ended
            + " of "
            + TASKS
            + " had ended at the kill; after the restart "
            + completed
            + " completed, "
            + (TASKS - completed)
            + " failed or cancelled");
    assertEquals(TASKS, completed, "every task completes (sleep cannot fail): " + states);
    InFlight.assertEachEndedOnce(ids);
  }
}
