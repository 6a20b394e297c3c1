package dev.switchboard.matching.control;

import dev.switchboard.server.entity.FulfillmentServer;
import dev.switchboard.server.entity.ServerState;
import java.time.Instant;
import java.util.Set;

/**
 * The attributes of one fulfillment server as the matcher sees them: an immutable copy, replaced
 * whole when the server's attributes or load change.
 */
public record ServerSnapshot(
    String name,
    String tier2,
    ServerState state,
    int slots,
    int load,
    Set<String> applications,
    double computingPower,
    double idlePower,
    Instant idlePowerMeasuredAt,
    String zone) {

  public static ServerSnapshot of(FulfillmentServer s) {
    return new ServerSnapshot(
        s.getName(),
        s.getTier2Distributor(),
        s.getState(),
        s.getSlots(),
        s.getCurrentLoad(),
        Set.copyOf(s.getApplications()),
        s.getComputingPower(),
        s.getIdlePower(),
        s.getIdlePowerMeasuredAt(),
        s.getZone());
  }

  public int freeSlots() {
    return Math.max(0, slots - load);
  }

  /** Whether this server can run one more task of the application now. */
  public boolean canTake(String application) {
    return state == ServerState.UP && freeSlots() > 0 && applications.contains(application);
  }

  public ServerSnapshot withLoad(int newLoad) {
    return new ServerSnapshot(
        name,
        tier2,
        state,
        slots,
        Math.max(0, newLoad),
        applications,
        computingPower,
        idlePower,
        idlePowerMeasuredAt,
        zone);
  }
}
