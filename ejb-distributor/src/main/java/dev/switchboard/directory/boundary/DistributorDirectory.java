package dev.switchboard.directory.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.DistributorAdmin;
import dev.switchboard.api.DistributorView;
import dev.switchboard.api.PoolSearch;
import dev.switchboard.distributor.entity.Distributor;
import dev.switchboard.distributor.entity.DistributorState;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The registry of distributors of both tiers with their search order and state. Registrations are
 * rows in the database, so an operator's change survives a restart; this bean keeps a copy in
 * memory because every submission reads it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@LocalBean
@Lock(LockType.READ)
public class DistributorDirectory implements DistributorAdmin {

  /** Tier-2 distributors of the embedded default: name and queue, in search order. */
  static final List<String[]> TIER2 =
      List.of(
          new String[] {"tier2-a", Destinations.TIER2_A},
          new String[] {"tier2-b", Destinations.TIER2_B});

  private static final Logger LOG = Logger.getLogger(DistributorDirectory.class.getName());

  @PersistenceContext EntityManager em;

  private volatile List<DistributorView> views = List.of();

  @PostConstruct
  void register() {
    List<String> pools =
        PoolSearch.parseOrder(
            System.getProperty(Destinations.POOLS_PROPERTY, Destinations.DEFAULT_POOLS));
    for (int i = 0; i < pools.size(); i++) {
      upsert(pools.get(i), 1, i + 1, null);
    }
    for (int i = 0; i < TIER2.size(); i++) {
      upsert(TIER2.get(i)[0], 2, i + 1, TIER2.get(i)[1]);
    }
    em.flush();
    reload();
    LOG.info(() -> "Distributors registered: " + views);
  }

  private void upsert(String name, int tier, int position, String destination) {
    Distributor existing = em.find(Distributor.class, name);
    if (existing == null) {
      em.persist(new Distributor(name, tier, position, destination));
    } else if (existing.getTier() != tier || existing.getPosition() != position) {
      Distributor replaced = new Distributor(name, tier, position, destination);
      replaced.changeState(existing.getState(), existing.getChangedAt());
      em.remove(existing);
      em.flush();
      em.persist(replaced);
    }
  }

  private void reload() {
    List<DistributorView> loaded = new ArrayList<>();
    for (Distributor d : em.createNamedQuery(Distributor.ALL, Distributor.class).getResultList()) {
      loaded.add(
          new DistributorView(
              d.getName(), d.getTier(), d.getPosition(), d.getState().name(), d.getDestination()));
    }
    views = List.copyOf(loaded);
  }

  @Override
  public List<DistributorView> distributors() {
    return views;
  }

  /** Why the named tier-1 pool refuses tasks now, or empty if it accepts them. */
  public Optional<String> refusalOf(String pool) {
    return views.stream()
        .filter(v -> v.name().equals(pool))
        .findFirst()
        .map(v -> v.accepting() ? null : "pool is " + v.state().toLowerCase(Locale.ROOT));
  }

  /** The first tier-2 distributor in search order that accepts tasks. */
  public Optional<DistributorView> firstAcceptingTier2() {
    return views.stream().filter(v -> v.tier() == 2 && v.accepting()).findFirst();
  }

  @Override
  @Lock(LockType.WRITE)
  public DistributorView changeState(String name, String state) {
    DistributorState next;
    try {
      next = DistributorState.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown state '" + state + "', expected one of UP, DRAINING, DISABLED");
    }
    Distributor distributor = em.find(Distributor.class, name);
    if (distributor == null) {
      throw new IllegalArgumentException("no distributor named '" + name + "'");
    }
    distributor.changeState(next, Instant.now());
    em.flush();
    reload();
    LOG.info(() -> "Distributor " + name + " is now " + next);
    return views.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }
}
