package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void batchesArePacedToTheRateAndTheLastIsCutToTheTarget() {
    Schedule schedule = new Schedule(100, 60, 1); // 100 tasks: 60 at 0 s, 40 at 0.6 s
    assertEquals(60, schedule.next());
    assertTrue(schedule.elapsedSeconds() < 0.5, "the first batch is due at once");
    assertEquals(40, schedule.next());
    assertTrue(schedule.elapsedSeconds() >= 0.6, "the second batch waits until it is due");
    assertEquals(0, schedule.next());
    assertTrue(schedule.elapsedSeconds() < 1, "a run that has claimed its target ends at once");
  }

  @Test
  void withoutARateFullBatchesComeAtOnceUntilTheSecondsAreUp() {
    Schedule schedule = new Schedule(0, 10, 1);
    long batches = 0;
    for (int size = schedule.next(); size > 0; size = schedule.next()) {
      assertEquals(10, size);
      batches++;
    }
    assertTrue(batches > 1, "more than one batch in a second: " + batches);
    assertTrue(schedule.over());
    assertTrue(schedule.elapsedSeconds() >= 1);
  }
}
