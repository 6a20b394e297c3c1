package dev.switchboard.registry.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.distributor.entity.Distributor;
import dev.switchboard.matching.control.MatchingFixtures;
import dev.switchboard.matching.control.RecordingPendingTasks;
import dev.switchboard.matching.control.ServerIndex;
import dev.switchboard.server.control.ServerLoads;
import dev.switchboard.server.entity.FulfillmentServer;
import dev.switchboard.server.entity.ServerState;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.task.entity.Tier;
import dev.switchboard.testing.TestDatabase;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With updates every 5 s (the default), a server silent for more than 15 s is STALE and one silent
 * for more than 30 s LOST, its tasks requeued once as a new attempt. The servers' silences are
 * seconds away from those limits, so the time a check takes cannot change its outcome.
 */
class LivenessTest {

  TestDatabase db;
  ServerIndex index;
  RecordingPendingTasks pending;
  final List<Object[]> timers = new ArrayList<>();
  Liveness liveness;
  Instant now;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    index = MatchingFixtures.index(db.em, db.transactions);
    pending = new RecordingPendingTasks(index);
    liveness = new Liveness();
    liveness.em = db.em;
    liveness.index = index;
    liveness.pending = pending;
    liveness.updateSeconds = 5;
    liveness.timers =
        (TimerService)
            Proxy.newProxyInstance(
                TimerService.class.getClassLoader(),
                new Class<?>[] {TimerService.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("createIntervalTimer")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  timers.add(args);
                  return null;
                });
    liveness.schedule();
    db.run(() -> db.em.persist(new Distributor("tier2-a", 2, 1, "jms/switchboard/tier2-a")));
    now = Instant.now();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  /** A server of 4 slots in {@code state}, last heard {@code silentSeconds} ago (null: never). */
  void server(String name, ServerState state, Integer silentSeconds) {
    db.run(
        () -> {
          FulfillmentServer s = new FulfillmentServer(name, "tier2-a", 4, Set.of("sha256"));
          if (silentSeconds != null) {
            s.measured(100, 50, now.minusSeconds(silentSeconds));
          }
          s.setState(state);
          db.em.persist(s);
        });
  }

  /** A task of {@code slots} on the server in {@code state}. */
  long task(String server, TaskState state, int slots) {
    return db.inTransaction(
        em -> {
          Task task = new Task("sha256", "in", "alice", "cli-1", now);
          task.needs(slots, 0, null, null, Map.of());
          task.setTier2Distributor("tier2-a");
          task.setServer(server);
          task.moveTo(state, now, Tier.TIER2, "tier2-a", "allocated");
          em.persist(task);
          em.flush();
          return task.getId();
        });
  }

  /** The index built from the database, as at start: the tasks on servers are their load. */
  void start() {
    MatchingFixtures.load(index);
  }

  void check() {
    db.begin();
    liveness.check();
    db.commit();
  }

  ServerState state(String server) {
    return ofServer(server, FulfillmentServer::getState);
  }

  int recordedLoad(String server) {
    return ofServer(server, FulfillmentServer::getCurrentLoad);
  }

  /** What the database holds for the server, read on an entity manager of its own. */
  <T> T ofServer(String server, Function<FulfillmentServer, T> field) {
    return db.read(
        em ->
            field.apply(
                em.createNamedQuery(FulfillmentServer.BY_NAME, FulfillmentServer.class)
                    .setParameter("name", server)
                    .getSingleResult()));
  }

  Task read(long id) {
    return db.read(em -> em.find(Task.class, id));
  }

  /** Free slots of tier2-a's servers that are UP, as the index counts them. */
  int freeSlotsUp() {
    return index.capacityByTier2().get("tier2-a")[1];
  }

  @Test
  void itChecksOnceAnUpdateIntervalWithoutAPersistentTimer() {
    assertEquals(1, timers.size());
    Object[] args = timers.get(0);
    assertEquals(5_000L, args[0]);
    assertEquals(2_500L, args[1]);
    assertFalse(((TimerConfig) args[2]).isPersistent());
  }

  @Test
  void aServerSilentForMoreThanThreeIntervalsIsStaleAndKeepsItsTasks() {
    server("fresh", ServerState.UP, 1);
    server("quiet", ServerState.UP, 20);
    long running = task("quiet", TaskState.RUNNING, 1);
    start();

    check();

    assertEquals(ServerState.UP, state("fresh"));
    assertEquals(ServerState.STALE, state("quiet"));
    assertEquals(4, freeSlotsUp(), "the index takes no new task to the stale server");
    assertEquals(TaskState.RUNNING, read(running).getState());
    assertEquals(1, read(running).getAttempt());
    assertEquals(List.of(), pending.rematched);
  }

  @Test
  void aServerSilentForMoreThanSixIntervalsIsLostAndItsTasksRequeuedOnceAsANewAttempt() {
    server("gone", ServerState.UP, 40);
    server("stale", ServerState.STALE, 40);
    long allocated = task("gone", TaskState.ALLOCATED, 1);
    long running = task("gone", TaskState.RUNNING, 2);
    long done = task("gone", TaskState.COMPLETED, 1);
    long onStale = task("stale", TaskState.RUNNING, 1);
    db.run(() -> new ServerLoads(db.em).record(Map.of("gone", 3, "stale", 1)));
    start();

    check();

    assertEquals(ServerState.LOST, state("gone"));
    assertEquals(ServerState.LOST, state("stale"));
    for (long id : List.of(allocated, running, onStale)) {
      Task task = read(id);
      assertEquals(TaskState.PENDING, task.getState(), "task " + id);
      assertEquals(2, task.getAttempt(), "task " + id);
      assertNull(task.getServer(), "task " + id);
    }
    assertEquals("server gone lost; requeued as attempt 2", read(running).getReason());
    assertEquals(TaskState.COMPLETED, read(done).getState());
    assertEquals(1, read(done).getAttempt());
    assertEquals(0, index.loadOf("gone", -1), "its slots given back");
    assertEquals(0, recordedLoad("gone"), "its recorded load cleared");
    assertEquals(List.of(3), pending.rematched, "the requeued tasks are matched again");

    check();

    assertEquals(2, read(running).getAttempt(), "requeued once");
    assertEquals(TaskState.PENDING, read(running).getState());
    assertEquals(List.of(3), pending.rematched);
  }

  @Test
  void aServerAnOperatorTookOutOrNeverHeardFromIsLeftAsItIs() {
    server("drained", ServerState.DRAINING, 40);
    server("disabled", ServerState.DISABLED, 40);
    server("silent", ServerState.UP, null);
    long running = task("drained", TaskState.RUNNING, 1);
    start();

    check();

    assertEquals(ServerState.DRAINING, state("drained"));
    assertEquals(ServerState.DISABLED, state("disabled"));
    assertEquals(ServerState.UP, state("silent"));
    assertEquals(TaskState.RUNNING, read(running).getState());
    assertEquals(List.of(), pending.rematched);
  }
}
