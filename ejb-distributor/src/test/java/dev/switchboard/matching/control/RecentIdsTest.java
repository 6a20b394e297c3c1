package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentIdsTest {

  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void anIdIsSeenSinceAnyEarlierTimeOnly() {
    RecentIds ids = new RecentIds(10);
    ids.put(1L, T0);
    assertTrue(ids.seenSince(1L, T0.minusMillis(1)));
    assertFalse(ids.seenSince(1L, T0), "not after the very time it was seen");
    assertFalse(ids.seenSince(2L, T0.minusSeconds(60)), "never seen");
    ids.put(1L, T0.plusSeconds(5));
    assertTrue(ids.seenSince(1L, T0), "the last time counts");
  }

  @Test
  void removedAndClearedIdsAreNotSeen() {
    RecentIds ids = new RecentIds(10);
    ids.put(1L, T0);
    ids.put(2L, T0);
    ids.put(3L, T0);
    ids.removeAll(List.of(1L, 2L, 4L));
    assertFalse(ids.seenSince(1L, T0.minusSeconds(1)));
    assertTrue(ids.seenSince(3L, T0.minusSeconds(1)));
    assertEquals(1, ids.size());
    ids.clear();
    assertEquals(0, ids.size());
  }

  @Test
  void oldIdsAreForgottenOnlyPastTheBound() {
    RecentIds ids = new RecentIds(2);
    ids.put(1L, T0);
    ids.put(2L, T0.plusSeconds(10));
    ids.forgetBefore(T0.plusSeconds(5));
    assertEquals(2, ids.size(), "within its bound it keeps everything");

    ids.put(3L, T0.plusSeconds(20));
    ids.forgetBefore(T0.plusSeconds(5));
    assertEquals(2, ids.size());
    assertFalse(ids.seenSince(1L, T0.minusSeconds(1)), "seen before the limit: forgotten");
    assertTrue(ids.seenSince(2L, T0));
  }
}
