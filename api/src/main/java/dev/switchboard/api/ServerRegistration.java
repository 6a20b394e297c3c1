package dev.switchboard.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.time.Instant;
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
 * @param attributes custom typed attributes (see {@link Attributes})
 * @param measuredAt when the figures were measured; null for now
 * @param node the fulfillment node the server runs on, as it names itself; the server's status
 *     reports must come from it. Null from a registration that names none (the REST API's), which
 *     keeps the node registered before
 */
public record ServerRegistration(
    String name,
    String tier2,
    int slots,
    Set<String> applications,
    double computingPower,
    double idlePower,
    String zone,
    Map<String, Object> attributes,
    Instant measuredAt,
    String node) {

  /** Longest node name. */
  public static final int MAX_NODE = 128;

  /** A registration that names no node. */
  public ServerRegistration(
      String name,
      String tier2,
      int slots,
      Set<String> applications,
      double computingPower,
      double idlePower,
      String zone,
      Map<String, Object> attributes,
      Instant measuredAt) {
    this(
        name,
        tier2,
        slots,
        applications,
        computingPower,
        idlePower,
        zone,
        attributes,
        measuredAt,
        null);
  }

  /** Also the constructor JSON-B reads a registration with (a record with two must say which). */
  @JsonbCreator
  public ServerRegistration {
    if (name == null || !Ids.NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("server name " + Ids.MESSAGE + ": " + name);
    }
    if (slots < 1 || slots > 10_000) {
      throw new IllegalArgumentException(
          "server " + name + " needs 1 to 10000 slots, got " + slots);
    }
    applications = Set.copyOf(applications);
    if (applications == null || applications.isEmpty()) {
      throw new IllegalArgumentException("server " + name + " needs at least one application");
    }
    if (tier2 == null || tier2.isBlank()) {
      throw new IllegalArgumentException("server " + name + " needs a tier-2 distributor");
    }
    if (!Double.isFinite(computingPower)
        || computingPower < 0
        || !Double.isFinite(idlePower)
        || idlePower < 0) {
      throw new IllegalArgumentException(
          "server " + name + ": power figures must be finite and not negative");
    }
    attributes = Map.copyOf(Attributes.check(attributes));
    if (node != null && (node.isBlank() || node.length() > MAX_NODE)) {
      throw new IllegalArgumentException(
          "server " + name + ": a node name has 1 to " + MAX_NODE + " characters");
    }
  }
}
