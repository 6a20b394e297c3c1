package dev.switchboard.matching.control;

import dev.switchboard.matching.control.MatchEngine.Decision;
import dev.switchboard.messaging.control.TransactionEnd;
import dev.switchboard.server.entity.FulfillmentServer;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The matcher's in-memory index of fulfillment servers and the decisions made on it. Built from the
 * database at start and updated on every registration and every change of load, so that a decision
 * reads no database row. It is the authority on servers' load: built at start from the tasks on
 * servers, kept here, and copied to the servers' rows only now and then ({@code
 * registry.control.LoadRecorder}), so that allocations and completions write no server row.
 *
 * <p>Nothing here takes a lock for a decision: decisions run side by side on the table's lists
 * (which a change of a server replaces, never alters), each evaluating its own task's expressions
 * within its own budget, so a costly task delays no other decision, submission or status report and
 * then fails alone. Slots and a user's turn are taken by atomic steps that succeed only while they
 * are free; a decision that loses the race decides again. A reservation whose transaction rolls
 * back is given back, and slots are freed only once the transaction that reports a task's end
 * commits. Only changes of servers are serialised (by the table).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ServerIndex {

  private static final Logger LOG = Logger.getLogger(ServerIndex.class.getName());

  @PersistenceContext EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;

  private final ServerTable table = new ServerTable();
  private final Map<String, AtomicInteger> userLoad = new ConcurrentHashMap<>();
  private final Set<Reservation> open = ConcurrentHashMap.newKeySet();
  private static final List<TaskState> ON_SERVERS = List.of(TaskState.ALLOCATED, TaskState.RUNNING);

  @Inject
  @ConfigProperty(name = MatchPolicy.MAX_IDLE_AGE_PROPERTY, defaultValue = "60")
  long maxIdleAgeSeconds;

  @Inject
  @ConfigProperty(name = MatchPolicy.SAMPLE_SIZE_PROPERTY, defaultValue = "100")
  int sampleSize;

  @Inject
  @ConfigProperty(name = MatchPolicy.EVALUATION_BUDGET_PROPERTY, defaultValue = "100000")
  long evaluationBudget;

  @Inject
  @ConfigProperty(name = MatchPolicy.EVALUATION_MILLIS_PROPERTY, defaultValue = "50")
  long evaluationMillis;

  /** The defaults' engine until the container starts the index with its settings. */
  private MatchEngine engine = new MatchEngine(MatchPolicy.defaults());

  @Inject ServerFacts facts;

  @PostConstruct
  void start() {
    MatchPolicy policy =
        MatchPolicy.configured(maxIdleAgeSeconds, sampleSize, evaluationBudget, evaluationMillis);
    engine = new MatchEngine(policy);
    LOG.info(() -> "Matching with " + policy);
    load();
  }

  /** Builds the index from the database: its servers and the load on them and on each user. */
  void load() {
    Map<String, Integer> loads = onServers();
    em.createNamedQuery(FulfillmentServer.ALL, FulfillmentServer.class)
        .getResultList()
        .forEach(s -> put(ServerSnapshot.of(s), loads.getOrDefault(s.getName(), 0)));
    List<Object[]> perUser =
        em.createNamedQuery(Task.RUNNING_PER_USER, Object[].class)
            .setParameter("states", ON_SERVERS)
            .getResultList();
    perUser.forEach(
        row -> userLoad.put((String) row[0], new AtomicInteger(((Number) row[1]).intValue())));
    LOG.info(() -> "Server index loaded " + table.size() + " servers");
  }

  /** Puts a server's current attributes into the index; the load it counts is kept. */
  public void put(ServerSnapshot snapshot, int load) {
    synchronized (table) {
      table.put(snapshot, load);
      facts.learned(snapshot, table.applications());
    }
  }

  /** A server's load as the index counts it, or {@code otherwise} for a server it does not know. */
  public int loadOf(String server, int otherwise) {
    ServerEntry entry = table.get(server);
    return entry == null ? otherwise : entry.load();
  }

  /** Every server's load as the index counts it. */
  public Map<String, Integer> loads() {
    Map<String, Integer> loads = new HashMap<>();
    table.all().forEach(entry -> loads.put(entry.name(), entry.load()));
    return loads;
  }

  /** Per tier-2 distributor: {servers registered, free slots of those UP}. */
  public Map<String, int[]> capacityByTier2() {
    Map<String, int[]> capacity = new HashMap<>();
    for (ServerEntry entry : table.all()) {
      int[] sums = capacity.computeIfAbsent(entry.snapshot().tier2(), t -> new int[2]);
      sums[0]++;
      if (entry.isUp()) {
        sums[1] += entry.freeSlots();
      }
    }
    return capacity;
  }

  /** Every application some server has; read without the index's lock (see ServerFacts). */
  public Set<String> applications() {
    return facts.applications();
  }

  /**
   * Decides where the task runs and, if somewhere, reserves the slots there and counts the task
   * against its user's limit; both are given back if the caller's transaction rolls back.
   */
  public Decision decide(TaskSpec task, Instant now) {
    String user = task.user().user();
    AtomicInteger running = userLoad.computeIfAbsent(user, u -> new AtomicInteger());
    Decision decision = engine.place(task, table, running, now);
    if (decision.server() != null) {
      holdUntilEnd(new Reservation(decision.server().name(), task.slots(), user, now));
    }
    return decision;
  }

  /** Keeps a reservation until its transaction ends, and gives it back if that rolls back. */
  private void holdUntilEnd(Reservation reservation) {
    open.add(reservation);
    TransactionEnd.then(
        transactions,
        committed -> {
          if (open.remove(reservation) && !committed) {
            release(reservation.server, reservation.slots, reservation.user);
          }
        });
  }

  /**
   * Gives back the reservations whose transaction has not ended after {@code limit}: a transaction
   * whose commit failed half way (the database's connection dropped during the commit) may never
   * report its end, and its reservation would otherwise hold the slots for good.
   *
   * @return how many slots were given back
   */
  public int releaseAbandoned(Duration limit, Instant now) {
    int released = 0;
    for (Reservation r : open) {
      if (r.madeAt.plus(limit).isBefore(now) && open.remove(r)) {
        release(r.server, r.slots, r.user);
        released += r.slots;
      }
    }
    return released;
  }

  /** Per server, {load, database's, reserved} where the last reconciliation found an excess. */
  private Map<String, List<Integer>> lastExcess = Map.of();

  /**
   * Gives back slots whose release was lost. A status transaction whose database commit went
   * through while the transaction manager reported it failed (JTS5067 "completed: Maybe", when the
   * database's session is cut during the commit) ends as not committed, so the index keeps counting
   * tasks that have ended, for good: under full load no server took a task again (ConnectionDropIT
   * on PostgreSQL). Each server's load is compared with what the database has on it plus the
   * reservations not yet committed. An excess is given back only when the next reconciliation finds
   * the same three figures: a server where work moves is left alone (a commit between the query and
   * this count looks like an excess for a moment), a server stuck on a lost release is not.
   *
   * @return how many slots were given back
   */
  public int reconcile() {
    return reconcile(onServers());
  }

  /** Per server, the slots of its tasks the database has ALLOCATED or RUNNING. */
  private Map<String, Integer> onServers() {
    Map<String, Integer> loads = new HashMap<>();
    em.createNamedQuery(Task.LOAD_PER_SERVER, Object[].class)
        .setParameter("states", ON_SERVERS)
        .getResultList()
        .forEach(row -> loads.put((String) row[0], ((Number) row[1]).intValue()));
    return loads;
  }

  /** {@link #reconcile()} against these figures of the database's. */
  int reconcile(Map<String, Integer> onServers) {
    Map<String, Integer> reserved = new HashMap<>();
    for (Reservation r : open) {
      reserved.merge(r.server, r.slots, Integer::sum);
    }
    Map<String, List<Integer>> excess = new HashMap<>();
    int given = 0;
    for (ServerEntry entry : table.all()) {
      int load = entry.load();
      int kept = onServers.getOrDefault(entry.name(), 0);
      int held = reserved.getOrDefault(entry.name(), 0);
      if (load - kept - held <= 0) {
        continue;
      }
      List<Integer> figures = List.of(load, kept, held);
      if (figures.equals(lastExcess.get(entry.name()))) {
        entry.addLoad(-(load - kept - held));
        given += load - kept - held;
      } else {
        excess.put(entry.name(), figures);
      }
    }
    lastExcess = excess;
    return given;
  }

  /** Slots reserved by a decision whose transaction has not ended yet. */
  private static final class Reservation {
    final String server;
    final int slots;
    final String user;
    final Instant madeAt;

    Reservation(String server, int slots, String user, Instant madeAt) {
      this.server = server;
      this.slots = slots;
      this.user = user;
      this.madeAt = madeAt;
    }
  }

  /** Frees a finished task's slots and user count once the caller's transaction commits. */
  public void releaseOnCommit(String server, int slots, String user) {
    releaseAllOnCommit(List.of(new Release(server, slots, user)));
  }

  /** A finished task's slots on its server, and its user. */
  public record Release(String server, int slots, String user) {}

  /**
   * Frees finished tasks' slots and user counts once the caller's transaction commits: one call for
   * a whole status batch.
   */
  public void releaseAllOnCommit(List<Release> releases) {
    if (releases.isEmpty()) {
      return;
    }
    List<Release> copy = List.copyOf(releases);
    TransactionEnd.then(
        transactions,
        committed -> {
          if (committed) {
            copy.forEach(r -> release(r.server(), r.slots(), r.user()));
          }
        });
  }

  /** Atomic per server and per user, so that completion callbacks need no container lock. */
  private void release(String server, int slots, String user) {
    ServerEntry entry = table.get(server);
    if (entry != null) {
      entry.addLoad(-slots);
    }
    AtomicInteger count = userLoad.get(user);
    if (count != null) {
      count.updateAndGet(c -> Math.max(0, c - 1));
    }
  }
}
