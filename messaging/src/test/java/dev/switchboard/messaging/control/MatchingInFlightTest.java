package dev.switchboard.messaging.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatchingInFlightTest {

  @Test
  void matchingUntilTheLastBatchHasEnded() {
    MatchingInFlight inFlight = new MatchingInFlight();
    assertFalse(inFlight.matching());
    inFlight.started();
    inFlight.started();
    inFlight.ended();
    assertTrue(inFlight.matching(), "one batch is still being matched");
    inFlight.ended();
    assertFalse(inFlight.matching());
  }
}
