package dev.switchboard.registry.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.DistributorView;
import dev.switchboard.api.ServerRegistration;
import dev.switchboard.api.ServerView;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.directory.boundary.DistributorDirectory;
import dev.switchboard.distributor.entity.Distributor;
import dev.switchboard.matching.control.MatchingFixtures;
import dev.switchboard.matching.control.RecordingPendingTasks;
import dev.switchboard.matching.control.ServerFacts;
import dev.switchboard.matching.control.ServerIndex;
import dev.switchboard.server.entity.FulfillmentServer;
import dev.switchboard.server.entity.ServerState;
import dev.switchboard.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Registrations and attribute updates on a real schema: what is written, what the index holds, and
 * when waiting tasks are sent back because a server may now take them.
 */
class RegistrationsTest {

  static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

  TestDatabase db;
  ServerIndex index;
  RecordingPendingTasks pending;
  Registrations registrations;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    db.run(
        () -> {
          db.em.persist(new Distributor("tier2-a", 2, 1, "jms/switchboard/tier2-a"));
          db.em.persist(new Distributor("tier2-b", 2, 2, "jms/switchboard/tier2-b"));
        });
    index = MatchingFixtures.index(db.transactions);
    pending = new RecordingPendingTasks(index);
    registrations = new Registrations();
    registrations.em = db.em;
    registrations.index = index;
    registrations.pending = pending;
    registrations.facts = new ServerFacts();
    registrations.directory =
        new DistributorDirectory() {
          @Override
          public List<DistributorView> distributors() {
            return List.of(
                new DistributorView("FrontPool1", 1, 1, "UP", null, 0, null, null),
                new DistributorView(
                    "tier2-a", 2, 1, "UP", "jms/switchboard/tier2-a", 10, null, null),
                new DistributorView(
                    "tier2-b", 2, 2, "UP", "jms/switchboard/tier2-b", 10, null, null));
          }
        };
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  static ServerRegistration registration(
      String name, int slots, Set<String> apps, double idle, String zone, Instant measuredAt) {
    return new ServerRegistration(
        name, "tier2-a", slots, apps, 100, idle, zone, Map.of("gpu", "a100"), measuredAt, "n1");
  }

  static ServerRegistration registration(String name, double idle, Instant measuredAt) {
    return registration(name, 4, Set.of("sha256"), idle, "z1", measuredAt);
  }

  static ServerRegistration withTier2(String tier2) {
    return new ServerRegistration("s1", tier2, 4, Set.of("sha256"), 100, 50, "z1", Map.of(), T);
  }

  ServerView register(ServerRegistration r) {
    return db.inTransaction(em -> registrations.register(r));
  }

  FulfillmentServer row(String name) {
    return db.read(
        em ->
            em.createNamedQuery(FulfillmentServer.BY_NAME, FulfillmentServer.class)
                .setParameter("name", name)
                .getSingleResult());
  }

  void setState(String name, ServerState state) {
    db.run(
        () ->
            db.em
                .createNamedQuery(FulfillmentServer.BY_NAME, FulfillmentServer.class)
                .setParameter("name", name)
                .getSingleResult()
                .setState(state));
  }

  void refused(String message, Executable registration) {
    db.begin();
    assertEquals(message, assertThrows(SwitchboardException.class, registration).getMessage());
    db.rollback();
  }

  /** {servers, free slots of those UP} of tier2-a, as the index counts them. */
  List<Integer> capacity() {
    int[] sums = index.capacityByTier2().getOrDefault("tier2-a", new int[2]);
    return List.of(sums[0], sums[1]);
  }

  @Test
  void aNewServerIsWrittenIndexedAndSendsWaitingTasksBack() {
    ServerView view = register(registration("s1", 50, T));

    assertEquals("UP", view.state());
    assertEquals(0, view.load());
    FulfillmentServer row = row("s1");
    assertEquals("tier2-a", row.getTier2Distributor());
    assertEquals(50, row.getIdlePower());
    assertEquals(T, row.getIdlePowerMeasuredAt());
    assertEquals("n1", row.getNode());
    assertEquals(Map.of("gpu", "\"a100\""), row.getAttributes(), "stored as JSON literals");
    assertEquals(List.of(1, 4), capacity());
    assertEquals(Set.of("sha256"), index.applications());
    assertEquals(
        List.of(Registrations.REMATCH_AFTER_REGISTRATION), pending.rematchedAfterServerChange);
  }

  @Test
  void aServerRegisteringWithAnUnknownTier2OrATier1PoolIsRefused() {
    refused(
        "server s1 registers with unknown tier-2 distributor 'tier2-x'",
        () -> registrations.register(withTier2("tier2-x")));
    refused(
        "server s1 registers with unknown tier-2 distributor 'FrontPool1'",
        () -> registrations.register(withTier2("FrontPool1")));

    assertEquals(List.of(), registrations.servers());
    assertEquals(List.of(0, 0), capacity());
    assertEquals(List.of(), pending.rematchedAfterServerChange);
  }

  @Test
  void aRegistrationThatCannotBeRightIsRefusedNamingTheServer() {
    assertRefused(
        "server s1 needs 1 to 10000 slots, got 0",
        () -> registration("s1", 0, Set.of("sha256"), 50, "z", T));
    assertRefused(
        "server s1 needs at least one application",
        () -> registration("s1", 4, Set.of(), 50, "z", T));
    assertRefused(
        "server s1: power figures must be finite and not negative",
        () -> registration("s1", 4, Set.of("sha256"), -1, "z", T));
    assertRefused(
        "server s1: a node name has 1 to 128 characters",
        () ->
            new ServerRegistration(
                "s1", "tier2-a", 4, Set.of("sha256"), 100, 50, "z", Map.of(), T, " "));
  }

  static void assertRefused(String message, Executable registration) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, registration).getMessage());
  }

  @Test
  void newIdlePowerAloneSendsNoTasksBackButSomethingNewOnOfferDoes() {
    register(registration("s1", 50, T));
    pending.rematchedAfterServerChange.clear();

    register(registration("s1", 80, T.plusSeconds(5)));
    assertEquals(80, row("s1").getIdlePower());
    assertEquals(List.of(), pending.rematchedAfterServerChange, "idle power alone");

    register(registration("s1", 4, Set.of("sha256", "sort"), 80, "z1", T.plusSeconds(10)));
    assertEquals(Set.of("sha256", "sort"), index.applications());
    register(registration("s1", 8, Set.of("sha256", "sort"), 80, "z1", T.plusSeconds(15)));
    register(registration("s1", 8, Set.of("sha256", "sort"), 80, "z2", T.plusSeconds(20)));
    assertEquals(3, pending.rematchedAfterServerChange.size(), "applications, slots, zone");
    assertEquals(List.of(1, 8), capacity());
  }

  @Test
  void anUpdateMeasuredBeforeTheRecordedOneIsIgnored() {
    register(registration("s1", 50, T.plusSeconds(10)));

    register(registration("s1", 8, Set.of("sha256"), 99, "z1", T));

    FulfillmentServer row = row("s1");
    assertEquals(50, row.getIdlePower());
    assertEquals(4, row.getSlots());
    assertEquals(T.plusSeconds(10), row.getIdlePowerMeasuredAt());
    assertEquals(List.of(1, 4), capacity());
  }

  @Test
  void aStaleOrLostServerThatReportsIsUpAgainButOneAnOperatorDrainedStaysDrained() {
    register(registration("stale", 50, T));
    register(registration("lost", 50, T));
    register(registration("drained", 50, T));
    setState("stale", ServerState.STALE);
    setState("lost", ServerState.LOST);
    setState("drained", ServerState.DRAINING);
    pending.rematchedAfterServerChange.clear();

    db.run(
        () ->
            registrations.registerAll(
                List.of(
                    registration("stale", 60, T.plusSeconds(5)),
                    registration("lost", 60, T.plusSeconds(5)),
                    registration("drained", 60, T.plusSeconds(5)))));

    assertEquals(ServerState.UP, row("stale").getState());
    assertEquals(ServerState.UP, row("lost").getState());
    assertEquals(ServerState.DRAINING, row("drained").getState());
    assertEquals(List.of(3, 8), capacity(), "the drained server takes no tasks");
    assertEquals(
        List.of(Registrations.REMATCH_AFTER_REGISTRATION),
        pending.rematchedAfterServerChange,
        "servers back: one re-match for the batch");
  }

  @Test
  void aRegistrationNamingNoNodeKeepsTheNodeRegisteredBefore() {
    register(registration("s1", 50, T));
    register(
        new ServerRegistration(
            "s1", "tier2-a", 4, Set.of("sha256"), 100, 50, "z1", Map.of(), T.plusSeconds(5)));
    assertEquals("n1", row("s1").getNode());
  }

  @Test
  void anOperatorChangesAServersStateAndItsReturnSendsWaitingTasksBack() {
    register(registration("s1", 50, T));
    pending.rematchedAfterServerChange.clear();

    db.inTransaction(em -> registrations.changeState("s1", "disabled"));
    assertEquals(List.of(1, 0), capacity());
    assertEquals(List.of(), pending.rematchedAfterServerChange);

    ServerView up = db.inTransaction(em -> registrations.changeState("s1", "up"));
    assertEquals("UP", up.state());
    assertEquals(List.of(1, 4), capacity());
    assertEquals(
        List.of(Registrations.REMATCH_AFTER_REGISTRATION), pending.rematchedAfterServerChange);

    refused(
        "unknown server state 'paused', expected one of UP, DRAINING, DISABLED",
        () -> registrations.changeState("s1", "paused"));
    refused("no fulfillment server named 'nope'", () -> registrations.changeState("nope", "UP"));
    assertTrue(row("s1").getState() == ServerState.UP);
  }
}
