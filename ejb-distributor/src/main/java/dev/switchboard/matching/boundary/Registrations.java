package dev.switchboard.matching.boundary;

import dev.switchboard.api.ServerRegistration;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerView;
import dev.switchboard.matching.control.ServerSnapshot;
import dev.switchboard.server.entity.FulfillmentServer;
import dev.switchboard.server.entity.ServerState;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Registers fulfillment servers with their tier-2 distributor: writes the server's row and puts its
 * attributes into the matcher's index.
 */
@Stateless
public class Registrations implements ServerRegistry {

  private static final Logger LOG = Logger.getLogger(Registrations.class.getName());

  @PersistenceContext EntityManager em;

  @EJB ServerIndex index;

  @Override
  public void register(ServerRegistration r) {
    List<FulfillmentServer> found =
        em.createNamedQuery(FulfillmentServer.BY_NAME, FulfillmentServer.class)
            .setParameter("name", r.name())
            .getResultList();
    FulfillmentServer server;
    if (found.isEmpty()) {
      server = new FulfillmentServer(r.name(), r.tier2(), r.slots(), r.applications());
      em.persist(server);
      LOG.info(() -> "Registered fulfillment server " + r.name() + " with " + r.tier2());
    } else {
      server = found.get(0);
      server.setState(ServerState.UP);
    }
    server.measured(r.computingPower(), r.idlePower(), Instant.now());
    server.setZone(r.zone());
    r.attributes().forEach(server::putAttribute);
    index.put(ServerSnapshot.of(server));
  }

  @Override
  public List<ServerView> servers() {
    return em
        .createNamedQuery(FulfillmentServer.ALL, FulfillmentServer.class)
        .getResultList()
        .stream()
        .map(Registrations::view)
        .toList();
  }

  @Override
  public Set<String> knownApplications() {
    Set<String> known = new TreeSet<>();
    index.all().forEach(s -> known.addAll(s.applications()));
    return known;
  }

  private static ServerView view(FulfillmentServer s) {
    return new ServerView(
        s.getName(),
        s.getTier2Distributor(),
        s.getState().name(),
        s.getSlots(),
        s.getCurrentLoad(),
        Set.copyOf(s.getApplications()),
        s.getComputingPower(),
        s.getIdlePower(),
        s.getIdlePowerMeasuredAt(),
        s.getZone(),
        Map.copyOf(s.getAttributes()));
  }
}
