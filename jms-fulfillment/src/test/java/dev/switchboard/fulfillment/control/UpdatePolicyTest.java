package dev.switchboard.fulfillment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.fulfillment.control.UpdatePolicy.Figures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpdatePolicyTest {

  static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  final UpdatePolicy policy = new UpdatePolicy(Duration.ofSeconds(5), 0.2);

  @Test
  void theFirstUpdateIsAlwaysSent() {
    assertEquals("first update", policy.due(null, new Figures(10, 0, T0), false));
  }

  @Test
  void smallChangesWaitForThePeriod() {
    Figures last = new Figures(100, 1, T0);
    assertNull(policy.due(last, new Figures(110, 1, T0.plusSeconds(4)), false));
    assertEquals("periodic", policy.due(last, new Figures(110, 1, T0.plusSeconds(5)), false));
  }

  @Test
  void aChangeBeyondTheThresholdIsSentAtOnce() {
    Figures last = new Figures(100, 1, T0);
    assertEquals(
        "idle power changed", policy.due(last, new Figures(79, 1, T0.plusSeconds(1)), false));
    assertEquals("load changed", policy.due(last, new Figures(100, 2, T0.plusSeconds(1)), false));
  }

  @Test
  void anEventTriggersAnUpdate() {
    assertEquals(
        "triggered",
        policy.due(new Figures(100, 1, T0), new Figures(100, 1, T0.plusMillis(10)), true));
  }

  @Test
  void idlePowerCountsIdleCpuAndFreeSlots() {
    assertEquals(50.0, Measurements.idlePower(100, 1.0, 4, 2));
    assertEquals(25.0, Measurements.idlePower(100, 0.5, 4, 2));
    assertEquals(0.0, Measurements.idlePower(100, 1.0, 4, 4));
    assertEquals(0.0, Measurements.idlePower(100, 1.0, 4, 9));
    assertTrue(Measurements.computingPower(50) > 0);
    double idle = Measurements.idleShare();
    assertTrue(idle >= 0 && idle <= 1, "idle share " + idle);
  }
}
