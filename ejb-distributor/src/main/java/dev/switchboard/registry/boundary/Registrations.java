package dev.switchboard.registry.boundary;

import dev.switchboard.api.Attributes;
import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.ServerRegistration;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerView;
import dev.switchboard.api.UnknownNameException;
import dev.switchboard.directory.boundary.DistributorDirectory;
import dev.switchboard.matching.control.PendingTasks;
import dev.switchboard.matching.control.ServerFacts;
import dev.switchboard.matching.control.ServerIndex;
import dev.switchboard.matching.control.ServerSnapshot;
import dev.switchboard.server.entity.FulfillmentServer;
import dev.switchboard.server.entity.ServerState;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers fulfillment servers with their tier-2 distributor and takes their attribute updates:
 * writes the server's row (with the time of the measurement), puts its attributes into the
 * matcher's index and, when the server is new, is heard from again or offers something new, sends
 * waiting tasks back to be matched. A STALE or LOST server that reports is UP again; one an
 * operator drained or disabled stays so.
 */
@Stateless
public class Registrations implements ServerRegistry {

  /** Most waiting tasks re-matched after one registration. */
  static final int REMATCH_AFTER_REGISTRATION = 500;

  /** Most server names in one IN list. */
  static final int NAMES_PER_QUERY = 500;

  private static final Logger LOG = Logger.getLogger(Registrations.class.getName());

  @PersistenceContext EntityManager em;

  @EJB ServerIndex index;

  @Inject ServerFacts facts;

  @EJB PendingTasks pending;

  @EJB DistributorDirectory directory;

  /** In a transaction of its own: one server registering or updating by itself. */
  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ServerView register(ServerRegistration r) {
    Applied applied = apply(r, find(r.name()));
    em.flush();
    toIndex(applied);
    if (applied.rematch()) {
      pending.rematchAfterServerChange(REMATCH_AFTER_REGISTRATION);
    }
    return view(applied.server());
  }

  /**
   * One transaction of its own for a batch of updates: one database commit instead of one per
   * server (measured with 1,000 servers reporting every 5 s: 200 commits a second, each writing its
   * own H2 chunk). Allocations write no server row; the batch's rows wait only for the load
   * recorder's periodic write, so batches are kept small (see RegistrationConsumer).
   */
  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void registerAll(List<ServerRegistration> registrations) {
    Map<String, FulfillmentServer> known = new HashMap<>();
    List<String> names = registrations.stream().map(ServerRegistration::name).toList();
    for (int from = 0; from < names.size(); from += NAMES_PER_QUERY) {
      em.createNamedQuery(FulfillmentServer.BY_NAMES, FulfillmentServer.class)
          .setParameter(
              "names", names.subList(from, Math.min(names.size(), from + NAMES_PER_QUERY)))
          .getResultList()
          .forEach(s -> known.put(s.getName(), s));
    }
    List<Applied> applied = new ArrayList<>(registrations.size());
    for (ServerRegistration r :
        registrations.stream().sorted(Comparator.comparing(ServerRegistration::name)).toList()) {
      Applied one = apply(r, known.get(r.name()));
      known.put(r.name(), one.server());
      applied.add(one);
    }
    // one flush for the batch: flushing after each server made EclipseLink compare every managed
    // server each time (a third of the server's CPU time in a profile with 1,000 servers)
    em.flush();
    applied.forEach(this::toIndex);
    if (applied.stream().anyMatch(Applied::rematch)) {
      pending.rematchAfterServerChange(REMATCH_AFTER_REGISTRATION);
    }
  }

  /**
   * A registration applied: the server's row, what the matcher's index is to hold once the row is
   * written (null for an update ignored as out of order), and whether waiting tasks might fit now.
   */
  private record Applied(FulfillmentServer server, ServerSnapshot after, boolean rematch) {}

  private void toIndex(Applied applied) {
    if (applied.after() != null) {
      index.put(applied.after(), applied.server().getCurrentLoad());
    }
  }

  private Applied apply(ServerRegistration r, FulfillmentServer server) {
    boolean knownTier2 =
        directory.distributors().stream()
            .anyMatch(d -> d.tier() == 2 && d.name().equals(r.tier2()));
    if (!knownTier2) {
      throw new InvalidInputException(
          "tier2",
          "server " + r.name() + " registers with unknown tier-2 distributor '" + r.tier2() + "'");
    }
    ServerSnapshot before = null;
    if (server == null) {
      server = new FulfillmentServer(r.name(), r.tier2(), r.slots(), r.applications());
      em.persist(server);
      LOG.info(() -> "Registered fulfillment server " + r.name() + " with " + r.tier2());
    } else {
      if (olderThanRecorded(server, r)) {
        // out of order: a newer report was applied already, and this one must not undo it
        LOG.log(
            Level.FINE,
            "Update of {0} measured at {1} ignored: it has one from {2}",
            new Object[] {r.name(), r.measuredAt(), server.getIdlePowerMeasuredAt()});
        return new Applied(server, null, false);
      }
      before = ServerSnapshot.of(server);
      server.reconfigure(r.tier2(), r.slots(), r.applications());
    }
    boolean back = server.getState() == ServerState.STALE || server.getState() == ServerState.LOST;
    if (back) {
      server.setState(ServerState.UP);
      String name = r.name();
      LOG.info(() -> "Fulfillment server " + name + " is heard from again");
    }
    server.measured(
        r.computingPower(), r.idlePower(), r.measuredAt() == null ? Instant.now() : r.measuredAt());
    server.setZone(r.zone());
    if (r.node() != null && !r.node().equals(server.getNode())) {
      if (server.getNode() != null) {
        LOG.log(
            Level.INFO,
            "Fulfillment server {0} now registers from node {1}, before from {2}",
            new Object[] {r.name(), r.node(), server.getNode()});
      }
      server.setNode(r.node());
    }
    server.replaceAttributes(Attributes.encodeAll(r.attributes()));
    ServerSnapshot after = ServerSnapshot.of(server);
    return new Applied(server, after, before == null || back || offersSomethingNew(before, after));
  }

  /** True if the update was measured before what the server's row already holds. */
  static boolean olderThanRecorded(FulfillmentServer server, ServerRegistration update) {
    return update.measuredAt() != null
        && server.getIdlePowerMeasuredAt() != null
        && update.measuredAt().isBefore(server.getIdlePowerMeasuredAt());
  }

  @Override
  public ServerView changeState(String name, String state) {
    FulfillmentServer server = find(name);
    if (server == null) {
      throw new UnknownNameException("name", "no fulfillment server named '" + name + "'");
    }
    ServerState next;
    try {
      next = ServerState.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "state", "unknown server state '" + state + "', expected one of UP, DRAINING, DISABLED");
    }
    server.setState(next);
    em.flush();
    index.put(ServerSnapshot.of(server), server.getCurrentLoad());
    if (next == ServerState.UP) {
      pending.rematchAfterServerChange(REMATCH_AFTER_REGISTRATION);
    }
    LOG.info(() -> "Fulfillment server " + name + " is now " + next);
    return view(server);
  }

  /** Whether waiting tasks might fit now that did not before: idle power alone does not count. */
  private static boolean offersSomethingNew(ServerSnapshot before, ServerSnapshot after) {
    return before.slots() != after.slots()
        || !before.applications().equals(after.applications())
        || !before.attributes().equals(after.attributes())
        || !before.zone().equals(after.zone());
  }

  private FulfillmentServer find(String name) {
    List<FulfillmentServer> found =
        em.createNamedQuery(FulfillmentServer.BY_NAME, FulfillmentServer.class)
            .setParameter("name", name)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  @Override
  public List<ServerView> servers() {
    return em
        .createNamedQuery(FulfillmentServer.ALL, FulfillmentServer.class)
        .getResultList()
        .stream()
        .map(this::view)
        .toList();
  }

  @Override
  public Set<String> knownApplications() {
    return facts.applications();
  }

  private ServerView view(FulfillmentServer s) {
    return new ServerView(
        s.getName(),
        s.getTier2Distributor(),
        s.getState().name(),
        s.getSlots(),
        index.loadOf(s.getName(), s.getCurrentLoad()),
        Set.copyOf(s.getApplications()),
        s.getComputingPower(),
        s.getIdlePower(),
        s.getIdlePowerMeasuredAt(),
        s.getZone(),
        Attributes.decodeAll(s.getAttributes()),
        s.getLastHeardAt());
  }
}
