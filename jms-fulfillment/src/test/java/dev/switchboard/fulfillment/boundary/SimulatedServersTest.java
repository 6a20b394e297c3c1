package dev.switchboard.fulfillment.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.fulfillment.boundary.LocalServers.Local;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedServersTest {

  @Test
  void theFleetIsVariedAndTheSameEveryTime() {
    List<Local> fleet = SimulatedServers.generate(1000);
    assertEquals(1000, fleet.size());
    assertEquals("sim-0001", fleet.get(0).name());
    assertEquals(fleet, SimulatedServers.generate(1000));
    assertTrue(fleet.stream().map(Local::zone).distinct().count() >= 5);
    assertTrue(fleet.stream().map(Local::slots).distinct().count() >= 4);
    assertTrue(fleet.stream().map(l -> l.extra().get("gpu")).distinct().count() >= 3);
    assertEquals(500, fleet.stream().filter(l -> l.tier2().equals("tier2-b")).count());
  }

  @Test
  void anAbsurdCountIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SimulatedServers.generate(-1));
    assertThrows(IllegalArgumentException.class, () -> SimulatedServers.generate(1_000_000));
  }
}
