package dev.switchboard.fulfillment.boundary;

import dev.switchboard.fulfillment.boundary.LocalServers.Local;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Servers for load tests: many fulfillment servers of varied capacity, share of the machine, zone
 * and custom attributes, all run by this node (the same seed gives the same fleet). They are
 * ordinary local servers: measured, registered, updated and dispatched to like the others.
 */
final class SimulatedServers {

  static final int MAX = 10_000;
  static final List<String> ZONES = List.of("zone-a", "zone-b", "zone-c", "zone-d", "zone-e");
  static final List<String> GPUS = List.of("none", "none", "none", "t4", "a100");
  static final List<String> DISKS = List.of("ssd", "ssd", "hdd", "nvme");

  private SimulatedServers() {}

  static List<Local> generate(int count) {
    if (count < 0 || count > MAX) {
      throw new IllegalArgumentException(
          LocalServers.SIMULATED_PROPERTY + " must be between 0 and " + MAX + ", not " + count);
    }
    Random random = new Random(42);
    List<Local> servers = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      servers.add(
          new Local(
              String.format("sim-%04d", i),
              i % 2 == 0 ? "tier2-b" : "tier2-a",
              1 << random.nextInt(5),
              0.05 + random.nextInt(20) / 20.0,
              ZONES.get(random.nextInt(ZONES.size())),
              Map.of(
                  "gpu",
                  GPUS.get(random.nextInt(GPUS.size())),
                  "disk",
                  DISKS.get(random.nextInt(DISKS.size())),
                  "cores",
                  (double) (4 << random.nextInt(5)),
                  "rack",
                  "r" + random.nextInt(40))));
    }
    return servers;
  }
}
