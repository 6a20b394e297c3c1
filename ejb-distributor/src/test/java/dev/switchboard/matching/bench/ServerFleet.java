package dev.switchboard.matching.bench;

import dev.switchboard.api.ClientProfileView;
import dev.switchboard.api.UserProfileView;
import dev.switchboard.matching.control.Expressions;
import dev.switchboard.matching.control.ServerSnapshot;
import dev.switchboard.matching.control.ServerTable;
import dev.switchboard.matching.control.TaskSpec;
import dev.switchboard.server.entity.ServerState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic fleet for the matcher's benchmarks: servers with 20 custom attributes of varied types
 * and values, and tasks with a CEL requirement and rank, all from a fixed seed.
 */
final class ServerFleet {

  static final String[] ZONES = {
    "zone-a", "zone-b", "zone-c", "zone-d", "zone-e", "zone-f", "zone-g", "zone-h"
  };
  static final String[] GPUS = {"none", "none", "none", "t4", "a100", "h100"};
  static final List<Set<String>> APPS =
      List.of(Set.of("sha256", "sort"), Set.of("sha256", "matrix"), Set.of("sha256", "primes"));

  /** A requirement that reads only the server: cacheable per server. */
  static final String SERVER_REQUIREMENT =
      "server.attributes.cores >= 16.0 && server.attributes.gpu != 'none'"
          + " && server.attributes.disk == 'ssd'";

  /**
   * A requirement that also reads the user and the client: cached per server under the values it
   * reads from them, so tasks with equal values share results.
   */
  static final String TASK_REQUIREMENT =
      "server.attributes.cores >= user.attributes.minCores && server.attributes.disk == 'ssd'"
          + " && server.zone != client.attributes.avoidZone";

  static final String RANK = "server.attributes.cores * 1.0 + server.power / 10.0";

  private ServerFleet() {}

  static ServerTable servers(int count, Instant now, long seed) {
    Random random = new Random(seed);
    ServerTable table = new ServerTable();
    for (int i = 0; i < count; i++) {
      Map<String, Object> attributes = new HashMap<>();
      attributes.put("cores", (double) (4 << random.nextInt(6)));
      attributes.put("memGb", (double) (8 << random.nextInt(6)));
      attributes.put("gpu", GPUS[random.nextInt(GPUS.length)]);
      attributes.put("disk", random.nextBoolean() ? "ssd" : "hdd");
      attributes.put("arch", random.nextInt(4) == 0 ? "arm64" : "x86_64");
      attributes.put("os", "linux");
      attributes.put("rack", "rack-" + random.nextInt(200));
      attributes.put("region", "eu-" + random.nextInt(3));
      attributes.put("owner", "team-" + random.nextInt(20));
      attributes.put("tags", List.of("t" + random.nextInt(10), "t" + random.nextInt(10)));
      attributes.put("secure", random.nextBoolean());
      for (int a = 0; a < 9; a++) {
        attributes.put("metric" + a, (double) random.nextInt(1000));
      }
      ServerSnapshot snapshot =
          new ServerSnapshot(
              "server-" + i,
              "tier2-" + (i % 2),
              ServerState.UP,
              8 + random.nextInt(57),
              APPS.get(random.nextInt(APPS.size())),
              50 + random.nextInt(500),
              random.nextInt(400),
              now.minusSeconds(random.nextInt(30)),
              ZONES[random.nextInt(ZONES.length)],
              attributes);
      table.put(snapshot, random.nextInt(8));
    }
    return table;
  }

  static TaskSpec task(
      Expressions expressions, long id, String requirement, String zone, double minCores) {
    return new TaskSpec(
        id,
        "sha256",
        1,
        0,
        expressions.compile(Expressions.REQUIREMENTS, requirement),
        expressions.compile(Expressions.RANK, RANK),
        Map.of(),
        new UserProfileView(
            "user-" + id, 0, 0, List.of(zone), Map.of(), Map.of("minCores", minCores)),
        new ClientProfileView(
            "client-" + id, zone, "internal", Map.of("avoidZone", ZONES[(int) (id % 3)])));
  }
}
