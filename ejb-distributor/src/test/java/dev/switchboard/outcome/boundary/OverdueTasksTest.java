package dev.switchboard.outcome.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OverdueTasksTest {

  static final Instant STARTED = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void overdueOnlyOnceTheTimeoutAndTheGraceHavePassed() {
    Instant allocated = STARTED.plusSeconds(100);
    long grace = OverdueTasks.GRACE.toSeconds();
    assertFalse(OverdueTasks.overdue(allocated, 30, STARTED, allocated.plusSeconds(30 + grace)));
    assertTrue(OverdueTasks.overdue(allocated, 30, STARTED, allocated.plusSeconds(31 + grace)));
    assertFalse(OverdueTasks.overdue(allocated, 300, STARTED, allocated.plusSeconds(31 + grace)));
  }

  @Test
  void aTaskAllocatedBeforeAStartIsCountedFromTheStart() {
    Instant allocated = STARTED.minusSeconds(3_600);
    long grace = OverdueTasks.GRACE.toSeconds();
    assertFalse(OverdueTasks.overdue(allocated, 30, STARTED, STARTED.plusSeconds(30 + grace)));
    assertTrue(OverdueTasks.overdue(allocated, 30, STARTED, STARTED.plusSeconds(31 + grace)));
  }
}
