package dev.switchboard.matching.control;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights and per-task constants of one decision's score, resolved once per decision so that
 * scoring a server allocates nothing: the user's weights over the policy's, the preference of each
 * preferred zone, the client's zone and the oldest idle-power figure still trusted.
 */
final class Scoring {

  final double rankWeight;
  final double zoneWeight;
  final double localityWeight;
  final double idleWeight;
  final double loadWeight;
  final Map<String, Double> zonePreference;
  final String clientZone;
  final long trustedSinceMillis;

  Scoring(MatchPolicy policy, TaskSpec task, long nowMillis) {
    Map<String, Double> own = task.user.weights();
    rankWeight = policy.weight(own, "rank");
    zoneWeight = policy.weight(own, "zone");
    localityWeight = policy.weight(own, "locality");
    idleWeight = policy.weight(own, "idle");
    loadWeight = policy.weight(own, "load");
    List<String> zones = task.user.preferredZones();
    zonePreference = new HashMap<>();
    for (int i = 0; i < zones.size(); i++) {
      zonePreference.put(zones.get(i), (zones.size() - i) / (double) zones.size());
    }
    clientZone = task.client.zone();
    trustedSinceMillis = nowMillis - policy.maxIdleAge().toMillis();
  }

  /** The server's total score; {@link #terms} gives the same by term. */
  double total(ServerEntry server, double rank, int slots) {
    return rankWeight * rank
        + zoneWeight * zonePreference.getOrDefault(server.snapshot().zone(), 0.0)
        + (isLocal(server) ? localityWeight : 0)
        + idleWeight * trustedIdlePower(server) / (server.load() + slots)
        - loadWeight * busy(server);
  }

  /** The score by term, for the explanation of the winner. */
  Map<String, Double> terms(ServerEntry server, double rank, int slots) {
    Map<String, Double> terms = new LinkedHashMap<>();
    terms.put("rank", rankWeight * rank);
    terms.put("zone", zoneWeight * zonePreference.getOrDefault(server.snapshot().zone(), 0.0));
    terms.put("locality", isLocal(server) ? localityWeight : 0);
    terms.put("idle", idleWeight * trustedIdlePower(server) / (server.load() + slots));
    terms.put("load", -loadWeight * busy(server));
    terms.put("total", total(server, rank, slots));
    return terms;
  }

  private boolean isLocal(ServerEntry server) {
    return clientZone != null && clientZone.equals(server.snapshot().zone());
  }

  /** Idle power, or zero when the figure is older than the policy trusts. */
  double trustedIdlePower(ServerEntry server) {
    long measured = server.idlePowerMeasuredMillis();
    return measured < trustedSinceMillis ? 0 : server.snapshot().idlePower();
  }

  private static double busy(ServerEntry server) {
    return server.load() / (double) Math.max(1, server.snapshot().slots());
  }
}
