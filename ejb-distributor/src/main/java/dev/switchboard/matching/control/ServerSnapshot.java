package dev.switchboard.matching.control;

import dev.switchboard.api.Attributes;
import dev.switchboard.server.entity.FulfillmentServer;
import dev.switchboard.server.entity.ServerState;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The stable attributes of one fulfillment server as the matcher sees them: an immutable copy,
 * replaced whole when the server reports new attributes. Its load changes with every allocation and
 * is kept apart, in {@link ServerEntry}. The node it registered from is kept for checking its
 * status reports; expressions do not see it.
 */
public record ServerSnapshot(
    String name,
    String tier2,
    ServerState state,
    int slots,
    Set<String> applications,
    double computingPower,
    double idlePower,
    Instant idlePowerMeasuredAt,
    String zone,
    Map<String, Object> attributes,
    String node) {

  /** A server whose registrations name no node. */
  public ServerSnapshot(
      String name,
      String tier2,
      ServerState state,
      int slots,
      Set<String> applications,
      double computingPower,
      double idlePower,
      Instant idlePowerMeasuredAt,
      String zone,
      Map<String, Object> attributes) {
    this(
        name,
        tier2,
        state,
        slots,
        applications,
        computingPower,
        idlePower,
        idlePowerMeasuredAt,
        zone,
        attributes,
        null);
  }

  public ServerSnapshot {
    applications = Set.copyOf(applications);
    attributes = Map.copyOf(Attributes.check(attributes));
    zone = zone == null ? "" : zone;
  }

  public static ServerSnapshot of(FulfillmentServer s) {
    return new ServerSnapshot(
        s.getName(),
        s.getTier2Distributor(),
        s.getState(),
        s.getSlots(),
        s.getApplications(),
        s.getComputingPower(),
        s.getIdlePower(),
        s.getIdlePowerMeasuredAt(),
        s.getZone(),
        Attributes.decodeAll(s.getAttributes()),
        s.getNode());
  }
}
