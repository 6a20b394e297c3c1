package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatcherTest {

  static Explanation pending(Map<String, Integer> excluded) {
    return new Explanation(
        "pending",
        null,
        "no server",
        3,
        3,
        0,
        excluded,
        List.of(),
        Map.of(),
        null,
        null,
        Instant.EPOCH);
  }

  @Test
  void aTaskKeptOutBySlotsOrItsUsersLimitWaitsForCapacity() {
    assertTrue(Matcher.waitsForCapacity(pending(Map.of("slots", 2, "score", 1))));
    assertTrue(Matcher.waitsForCapacity(pending(Map.of("userLimit", 3))));
  }

  /** Such a task must not come back first on every freed slot and take the turn of others. */
  @Test
  void aTaskNoServerTakesEvenWithFreeSlotsFitsNowhere() {
    assertFalse(Matcher.waitsForCapacity(pending(Map.of("slots", 0, "score", 3))));
    assertFalse(Matcher.waitsForCapacity(pending(Map.of("application", 2, "requirements", 1))));
  }
}
