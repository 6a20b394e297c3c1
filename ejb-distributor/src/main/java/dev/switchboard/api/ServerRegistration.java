package dev.switchboard.api;

import java.util.Map;
import java.util.Set;

/**
 * A fulfillment server announcing itself and its attributes to a tier-2 distributor.
 *
 * @param name unique server name
 * @param tier2 the tier-2 distributor it registers with
 * @param slots load capacity: how many tasks it runs at once
 * @param applications names of the applications installed on it
 * @param computingPower measured computing power score
 * @param idlePower measured idle computing power
 * @param zone where it runs
 * @param attributes custom attributes
 */
public record ServerRegistration(
    String name,
    String tier2,
    int slots,
    Set<String> applications,
    double computingPower,
    double idlePower,
    String zone,
    Map<String, String> attributes) {

  public ServerRegistration {
    if (name == null || !name.matches(Ids.PATTERN)) {
      throw new IllegalArgumentException("server name " + Ids.MESSAGE + ": " + name);
    }
    if (slots < 1) {
      throw new IllegalArgumentException("server " + name + " needs at least one slot");
    }
    applications = Set.copyOf(applications);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
