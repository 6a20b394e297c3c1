package dev.switchboard.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.DistributorView;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.Tier2Status;
import dev.switchboard.directory.boundary.DistributorDirectory.Tier2Choice;
import dev.switchboard.distributor.entity.Distributor;
import dev.switchboard.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The directory over a real schema: both tiers in search order, the tier-2 distributor a task goes
 * to and why the others were passed over, and operators' changes that outlive a restart.
 */
class DistributorDirectoryTest {

  TestDatabase db;
  DistributorDirectory directory;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    // a third tier-2 distributor registered earlier, e.g. by another server, never heard from here
    db.run(() -> db.em.persist(new Distributor("tier2-c", 2, 3, "jms/switchboard/tier2-c")));
    directory = started();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  /** A directory started over the database, as at deployment. */
  DistributorDirectory started() {
    DistributorDirectory started = new DistributorDirectory();
    started.em = db.em;
    started.staleSeconds = 15;
    started.pools = Destinations.DEFAULT_POOLS;
    db.run(started::register);
    return started;
  }

  Tier2Choice choose() {
    return directory.chooseTier2();
  }

  static String name(DistributorView view) {
    return view == null ? null : view.name();
  }

  void heard(String name, boolean healthy, int queueDepth, Instant at) {
    directory.heard(
        List.of(new Tier2Status(name, healthy, queueDepth, 1, 1, at, Tier2Status.HEARTBEAT)));
  }

  void refused(String message, Executable change) {
    db.begin();
    assertEquals(message, assertThrows(SwitchboardException.class, change).getMessage());
    db.rollback();
  }

  @Test
  void bothTiersAreRegisteredInSearchOrder() {
    List<DistributorView> all = directory.distributors();
    assertEquals(
        List.of("FrontPool1", "FrontPool2", "tier2-a", "tier2-b", "tier2-c"),
        all.stream().map(DistributorView::name).toList());
    assertEquals(List.of(1, 1, 2, 2, 2), all.stream().map(DistributorView::tier).toList());
    assertEquals("jms/switchboard/tier2-b", all.get(3).destination());
    assertEquals(Distributor.DEFAULT_QUEUE_LIMIT, all.get(3).queueLimit());
  }

  @Test
  void theFirstTier2InSearchOrderThatCanTakeTasksIsChosen() {
    assertEquals("tier2-a", name(choose().chosen()));
    assertEquals(List.of(), choose().skipped());
  }

  @Test
  void aTier2AnOperatorDrainsIsPassedOverSayingSo() {
    DistributorView drained = db.inTransaction(em -> directory.changeState("tier2-a", "draining"));

    assertEquals("DRAINING", drained.state());
    assertEquals("tier2-b", name(choose().chosen()));
    assertEquals(List.of("tier2-a: draining"), choose().skipped());
    assertEquals("tier2-b", name(directory.requeueTarget()), "nor does it take tasks back");
  }

  @Test
  void aTier2AtItsQueueLimitTakesNoNewTasksButStillTakesTasksBack() {
    db.inTransaction(em -> directory.changeQueueLimit("tier2-a", 5));
    Instant now = Instant.now();

    heard("tier2-a", true, 4, now);
    assertEquals("tier2-a", name(choose().chosen()), "below its limit");

    heard("tier2-a", true, 5, now);
    assertEquals("tier2-b", name(choose().chosen()));
    assertEquals(List.of("tier2-a: saturated (5 tasks queued, limit 5)"), choose().skipped());
    assertEquals("tier2-a", name(directory.requeueTarget()), "admitted tasks always find a way");
  }

  @Test
  void eachTier2PassedOverIsNamedWithItsReason() {
    db.inTransaction(em -> directory.changeState("tier2-a", "DISABLED"));
    heard("tier2-b", false, 0, Instant.now());

    Tier2Choice none = choose();
    assertNull(none.chosen());
    assertEquals(
        List.of("tier2-a: disabled", "tier2-b: unhealthy", "tier2-c: not heard from yet"),
        none.skipped());
    assertNull(directory.requeueTarget());

    heard("tier2-c", true, 0, Instant.now().minusSeconds(60));
    assertEquals("tier2-c: not heard from for 60 s", choose().skipped().get(2));
  }

  @Test
  void anOlderReportNeverReplacesANewerOne() {
    heard("tier2-a", false, 0, Instant.now().minusSeconds(5));
    assertEquals("tier2-a", name(choose().chosen()), "the report at start is newer");

    heard("tier2-a", false, 0, Instant.now());
    assertEquals("tier2-b", name(choose().chosen()));
    assertEquals(List.of("tier2-a: unhealthy"), choose().skipped());
  }

  @Test
  void aBroadcastSomebodyAskedForIsRememberedWhenALaterHeartbeatOvertakesIt() {
    Instant asked = Instant.now().plusSeconds(10); // after the status the directory starts with
    assertNull(directory.distributors().get(2).lastAskedAt(), "nothing asked yet");

    heard("tier2-a", true, 0, asked.plusSeconds(1));
    directory.heard(List.of(new Tier2Status("tier2-a", true, 3, 1, 1, asked, Tier2Status.ASKED)));

    DistributorView tier2a = directory.distributors().get(2);
    assertEquals(asked.plusSeconds(1), tier2a.lastHeardAt(), "the newer heartbeat stays");
    assertEquals(0, tier2a.lastStatus().queueDepth());
    assertEquals(asked, tier2a.lastAskedAt());
    assertNull(directory.distributors().get(3).lastAskedAt(), "only the one that sent it");
  }

  @Test
  void operatorsChangesOutliveARestart() {
    db.inTransaction(em -> directory.changeState("tier2-a", "disabled"));
    db.inTransaction(em -> directory.changeQueueLimit("tier2-b", 7));

    directory = started();

    List<DistributorView> all = directory.distributors();
    assertEquals("DISABLED", all.get(2).state());
    assertEquals(7, all.get(3).queueLimit());
    assertEquals("tier2-b", name(choose().chosen()));
  }

  @Test
  void aPoolRefusesTasksOnlyWhileItIsNotUp() {
    assertEquals(Optional.empty(), directory.refusalOf("FrontPool1"));
    db.inTransaction(em -> directory.changeState("FrontPool1", "draining"));
    assertEquals(Optional.of("pool is draining"), directory.refusalOf("FrontPool1"));
    assertEquals(Optional.empty(), directory.refusalOf("FrontPool2"));
  }

  @Test
  void aBadOperatorRequestIsRefusedNamingWhatIsWrong() {
    refused(
        "unknown state 'paused', expected one of UP, DRAINING, DISABLED",
        () -> directory.changeState("tier2-a", "paused"));
    refused("no distributor named 'nope'", () -> directory.changeState("nope", "UP"));
    refused(
        "FrontPool1 is a tier-1 pool; only tier 2 has a queue limit",
        () -> directory.changeQueueLimit("FrontPool1", 5));
    refused("queueLimit must not be negative", () -> directory.changeQueueLimit("tier2-a", -1));
    assertEquals("UP", directory.distributors().get(2).state());
  }
}
