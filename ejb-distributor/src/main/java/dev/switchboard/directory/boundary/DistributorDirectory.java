package dev.switchboard.directory.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.DistributorAdmin;
import dev.switchboard.api.DistributorView;
import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.PoolSearch;
import dev.switchboard.api.Tier2Status;
import dev.switchboard.api.UnknownNameException;
import dev.switchboard.directory.control.BroadcastRequest;
import dev.switchboard.distributor.entity.Distributor;
import dev.switchboard.distributor.entity.DistributorState;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The registry of distributors of both tiers with their search order and state, and what each
 * tier-2 distributor last broadcast. Registrations are rows in the database, so an operator's
 * change survives a restart; this bean keeps a copy in memory because every submission reads it. A
 * tier-2 distributor is chosen only if it is UP, was heard from recently and its queue is below its
 * limit.
 */
@Singleton
@Startup
@LocalBean
@DependsOn("SchemaMigration")
@Lock(LockType.READ)
public class DistributorDirectory implements DistributorAdmin {

  /** Tier-2 distributors of this server: name and queue, in search order. */
  public static final List<String[]> TIER2 =
      List.of(
          new String[] {"tier2-a", Destinations.TIER2_A},
          new String[] {"tier2-b", Destinations.TIER2_B});

  /** Setting: seconds after which a silent tier-2 distributor is skipped. */
  static final String STALE_PROPERTY = "switchboard.tier2.staleSeconds";

  private static final Logger LOG = Logger.getLogger(DistributorDirectory.class.getName());

  @PersistenceContext EntityManager em;

  @Inject Event<BroadcastRequest> broadcast;

  @Inject
  @ConfigProperty(name = STALE_PROPERTY, defaultValue = "15")
  long staleSeconds;

  /** The tier-1 pools of this server, in search order. */
  @Inject
  @ConfigProperty(name = Destinations.POOLS_PROPERTY, defaultValue = Destinations.DEFAULT_POOLS)
  String pools;

  private final Map<String, Tier2Status> heard = new ConcurrentHashMap<>();

  /** When the newest status each tier-2 distributor sent because it was asked was measured. */
  private final Map<String, Instant> askedAt = new ConcurrentHashMap<>();

  /** When tier 1 last received a broadcast (at start: when this directory was created). */
  private volatile Instant lastBroadcast = Instant.now();

  private Duration staleAfter;
  private volatile List<DistributorView> views = List.of();

  /**
   * The tier-2 distributor a task goes to, and the ones passed over with their reasons.
   *
   * @param chosen the first that can take tasks, or null
   * @param skipped the ones before it that could not
   */
  public record Tier2Choice(DistributorView chosen, List<String> skipped) {}

  @PostConstruct
  void register() {
    staleAfter = Duration.ofSeconds(staleSeconds);
    List<String> order = PoolSearch.parseOrder(pools);
    for (int i = 0; i < order.size(); i++) {
      upsert(order.get(i), 1, i + 1, null);
    }
    Instant now = Instant.now();
    for (int i = 0; i < TIER2.size(); i++) {
      String name = TIER2.get(i)[0];
      upsert(name, 2, i + 1, TIER2.get(i)[1]);
      // a tier-2 distributor of this server registers with tier 1 as it starts
      heard.put(name, new Tier2Status(name, true, 0, 0, 0, now, null));
    }
    em.flush();
    reload();
    LOG.info(() -> "Distributors registered: " + names());
  }

  private void upsert(String name, int tier, int position, String destination) {
    Distributor existing = em.find(Distributor.class, name);
    if (existing == null) {
      em.persist(new Distributor(name, tier, position, destination));
    } else if (existing.getTier() != tier || existing.getPosition() != position) {
      Distributor replaced = new Distributor(name, tier, position, destination);
      replaced.changeState(existing.getState(), existing.getChangedAt());
      replaced.setQueueLimit(existing.getQueueLimit());
      em.remove(existing);
      em.flush();
      em.persist(replaced);
    }
  }

  private void reload() {
    List<DistributorView> loaded = new ArrayList<>();
    for (Distributor d : em.createNamedQuery(Distributor.ALL, Distributor.class).getResultList()) {
      loaded.add(view(d));
    }
    views = List.copyOf(loaded);
  }

  private DistributorView view(Distributor d) {
    return new DistributorView(
        d.getName(),
        d.getTier(),
        d.getPosition(),
        d.getState().name(),
        d.getDestination(),
        d.getQueueLimit(),
        heard.get(d.getName()),
        askedAt.get(d.getName()));
  }

  private List<String> names() {
    return views.stream().map(v -> v.tier() + ":" + v.name()).toList();
  }

  @Override
  public List<DistributorView> distributors() {
    return views.stream().map(this::withStatus).toList();
  }

  private DistributorView withStatus(DistributorView v) {
    Tier2Status status = heard.get(v.name());
    Instant asked = askedAt.get(v.name());
    return status == v.lastStatus() && asked == v.lastAskedAt()
        ? v
        : new DistributorView(
            v.name(),
            v.tier(),
            v.position(),
            v.state(),
            v.destination(),
            v.queueLimit(),
            status,
            asked);
  }

  /** Records what tier-2 distributors broadcast; an older report never replaces a newer one. */
  public void heard(List<Tier2Status> statuses) {
    lastBroadcast = Instant.now();
    for (Tier2Status status : statuses) {
      heard.merge(
          status.name(),
          status,
          (old, fresh) -> fresh.measuredAt().isBefore(old.measuredAt()) ? old : fresh);
      if (status.asked()) {
        askedAt.merge(
            status.name(), status.measuredAt(), (old, fresh) -> fresh.isBefore(old) ? old : fresh);
      }
    }
  }

  @Override
  public Optional<String> messagingProblem() {
    Duration silent = Duration.between(lastBroadcast, Instant.now());
    if (silent.compareTo(staleAfter.multipliedBy(2)) <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        "no tier-2 broadcast has reached tier 1 for "
            + silent.toSeconds()
            + " s: this server's connections to the broker are gone, and with them its message"
            + " consumers; restart the server (nothing queued is lost)");
  }

  /** Why the named tier-1 pool refuses tasks now, or empty if it accepts them. */
  public Optional<String> refusalOf(String pool) {
    return views.stream()
        .filter(v -> v.name().equals(pool))
        .findFirst()
        .map(v -> v.accepting() ? null : "pool is " + v.state().toLowerCase(Locale.ROOT));
  }

  /**
   * The first tier-2 distributor in search order that is UP, heard from within the stale limit and
   * below its queue limit; the task's attributes play no part.
   */
  public Tier2Choice chooseTier2() {
    Instant now = Instant.now();
    List<String> skipped = new ArrayList<>();
    for (DistributorView v : distributors()) {
      if (v.tier() != 2) {
        continue;
      }
      Optional<String> refusal = refusal(v, now);
      if (refusal.isEmpty()) {
        return new Tier2Choice(v, List.copyOf(skipped));
      }
      skipped.add(v.name() + ": " + refusal.get());
    }
    return new Tier2Choice(null, List.copyOf(skipped));
  }

  /**
   * Where tasks already accepted go back to matching (retries, waiting tasks, stranded ones): the
   * first tier-2 distributor in search order that is UP, heard from and healthy, whatever its queue
   * holds. The queue limit holds back new submissions only; a task admitted once is never left
   * without a way back because new work filled the queue.
   */
  public DistributorView requeueTarget() {
    Instant now = Instant.now();
    return distributors().stream()
        .filter(v -> v.tier() == 2 && unavailable(v, now).isEmpty())
        .findFirst()
        .orElse(null);
  }

  /** Why the tier-2 distributor takes no new submissions now, or empty if it takes them. */
  private Optional<String> refusal(DistributorView v, Instant now) {
    Optional<String> unavailable = unavailable(v, now);
    if (unavailable.isPresent()) {
      return unavailable;
    }
    Tier2Status status = v.lastStatus();
    if (status.queueDepth() >= v.queueLimit()) {
      return Optional.of(
          "saturated (" + status.queueDepth() + " tasks queued, limit " + v.queueLimit() + ")");
    }
    return Optional.empty();
  }

  /** Why the tier-2 distributor takes no tasks at all now, or empty if it is up and healthy. */
  private Optional<String> unavailable(DistributorView v, Instant now) {
    if (!v.accepting()) {
      return Optional.of(v.state().toLowerCase(Locale.ROOT));
    }
    Tier2Status status = v.lastStatus();
    if (status == null) {
      return Optional.of("not heard from yet");
    }
    Duration silent = Duration.between(status.measuredAt(), now);
    if (silent.compareTo(staleAfter) > 0) {
      return Optional.of("not heard from for " + silent.toSeconds() + " s");
    }
    if (!status.healthy()) {
      return Optional.of("unhealthy");
    }
    return Optional.empty();
  }

  @Override
  @Lock(LockType.WRITE)
  public DistributorView changeState(String name, String state) {
    DistributorState next;
    try {
      next = DistributorState.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "state", "unknown state '" + state + "', expected one of UP, DRAINING, DISABLED");
    }
    Distributor distributor = find(name);
    distributor.changeState(next, Instant.now());
    LOG.info(() -> "Distributor " + name + " is now " + next);
    return saved(distributor);
  }

  @Override
  @Lock(LockType.WRITE)
  public DistributorView changeQueueLimit(String name, int limit) {
    Distributor distributor = find(name);
    if (distributor.getTier() != 2) {
      throw new InvalidInputException(
          "queueLimit", name + " is a tier-1 pool; only tier 2 has a queue limit");
    }
    if (limit < 0) {
      throw new InvalidInputException("queueLimit", "queueLimit must not be negative");
    }
    distributor.setQueueLimit(limit);
    LOG.info(() -> "Tier-2 distributor " + name + " queue limit is now " + limit);
    return saved(distributor);
  }

  @Override
  public void broadcastNow() {
    broadcast.fire(new BroadcastRequest());
  }

  private Distributor find(String name) {
    Distributor distributor = em.find(Distributor.class, name);
    if (distributor == null) {
      throw new UnknownNameException("name", "no distributor named '" + name + "'");
    }
    return distributor;
  }

  private DistributorView saved(Distributor distributor) {
    em.flush();
    reload();
    return withStatus(view(distributor));
  }
}
