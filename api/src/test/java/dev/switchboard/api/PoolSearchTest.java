package dev.switchboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolSearchTest {

  static final TaskRequest REQUEST = new TaskRequest("sha256", "hello", "alice", "cli-1");

  /** A pool that accepts, refuses or fails, and remembers what it was told was skipped. */
  static final class FakePool implements TaskAcceptor {
    final String name;
    final String refusal;
    final boolean fails;
    final List<List<String>> skippedSeen = new ArrayList<>();

    FakePool(String name, String refusal, boolean fails) {
      this.name = name;
      this.refusal = refusal;
      this.fails = fails;
    }

    @Override
    public TaskReceipt submit(TaskRequest request, List<String> skipped)
        throws PoolRefusedException {
      skippedSeen.add(skipped);
      if (fails) {
        throw new IllegalStateException("pool crashed", new RuntimeException("disk full"));
      }
      if (refusal != null) {
        throw new PoolRefusedException(refusal);
      }
      return new TaskReceipt(7, "SUBMITTED", name, skipped, "tier2-a");
    }

    @Override
    public List<TaskReceipt> submitAll(List<TaskRequest> requests, List<String> skipped)
        throws PoolRefusedException {
      List<TaskReceipt> receipts = new ArrayList<>();
      for (TaskRequest request : requests) {
        receipts.add(submit(request, skipped));
      }
      return receipts;
    }
  }

  @Test
  void firstPoolThatAcceptsTakesTheTask() throws Exception {
    Map<String, TaskAcceptor> pools =
        Map.of("p1", new FakePool("p1", null, false), "p2", new FakePool("p2", null, false));
    TaskReceipt receipt = new PoolSearch(List.of("p1", "p2"), pools::get).submit(REQUEST);
    assertEquals("p1", receipt.pool());
    assertEquals(List.of(), receipt.skipped());
  }

  @Test
  void refusingAndFailingPoolsAreSkippedWithTheirReasons() throws Exception {
    FakePool last = new FakePool("p3", null, false);
    Map<String, TaskAcceptor> pools =
        Map.of(
            "p1", new FakePool("p1", "pool is disabled", false),
            "p2", new FakePool("p2", null, true),
            "p3", last);
    TaskReceipt receipt = new PoolSearch(List.of("p1", "p2", "p3"), pools::get).submit(REQUEST);
    assertEquals("p3", receipt.pool());
    assertEquals(
        List.of("p1: pool is disabled", "p2: failed (RuntimeException: disk full)"),
        last.skippedSeen.get(0));
  }

  @Test
  void aPoolThatCannotBeFoundIsSkipped() throws Exception {
    PoolSearch search =
        new PoolSearch(
            List.of("missing", "p2"),
            name -> {
              if (name.equals("missing")) {
                throw new IllegalStateException("pool missing is not bound");
              }
              return new FakePool(name, null, false);
            });
    TaskReceipt receipt = search.submit(REQUEST);
    assertEquals("p2", receipt.pool());
    assertEquals(
        List.of("missing: failed (IllegalStateException: pool missing is not bound)"),
        receipt.skipped());
  }

  @Test
  void aPoolWhoseServerFailedIsSkippedWithTheIdOnly() throws Exception {
    TaskAcceptor failing =
        new TaskAcceptor() {
          @Override
          public TaskReceipt submit(TaskRequest request, List<String> skipped) {
            throw new ServerFailureException("1a2b3c4d");
          }

          @Override
          public List<TaskReceipt> submitAll(List<TaskRequest> requests, List<String> skipped) {
            throw new ServerFailureException("1a2b3c4d");
          }
        };
    Map<String, TaskAcceptor> pools = Map.of("p1", failing, "p2", new FakePool("p2", null, false));
    TaskReceipt receipt = new PoolSearch(List.of("p1", "p2"), pools::get).submit(REQUEST);
    assertEquals("p2", receipt.pool());
    assertEquals(
        List.of("p1: failed (internal error 1a2b3c4d; see the server log)"), receipt.skipped());
  }

  @Test
  void noPoolAcceptingListsEveryAttempt() {
    Map<String, TaskAcceptor> pools =
        Map.of(
            "p1", new FakePool("p1", "pool is disabled", false),
            "p2", new FakePool("p2", "pool is draining", false));
    NoPoolAcceptedException e =
        assertThrows(
            NoPoolAcceptedException.class,
            () -> new PoolSearch(List.of("p1", "p2"), pools::get).submit(REQUEST));
    assertEquals(List.of("p1: pool is disabled", "p2: pool is draining"), e.attempts());
  }

  @Test
  void aBatchGoesWholeToTheFirstPoolThatAcceptsIt() throws Exception {
    Map<String, TaskAcceptor> pools =
        Map.of(
            "p1", new FakePool("p1", "pool is draining", false),
            "p2", new FakePool("p2", null, false));
    List<TaskReceipt> receipts =
        new PoolSearch(List.of("p1", "p2"), pools::get).submitAll(List.of(REQUEST, REQUEST));
    assertEquals(2, receipts.size());
    assertEquals("p2", receipts.get(1).pool());
    assertEquals(List.of("p1: pool is draining"), receipts.get(0).skipped());
  }

  @Test
  void searchOrderIsParsedFromConfiguration() {
    assertEquals(List.of("A", "B", "C"), PoolSearch.parseOrder(" A, B,,C "));
    assertThrows(IllegalArgumentException.class, () -> new PoolSearch(List.of(), n -> null));
  }

  @Test
  void poolJndiNameIsPortable() {
    assertEquals(
        "java:global/switchboard/ejb-distributor/FrontPool2!dev.switchboard.api.FrontDistributor",
        Destinations.poolJndiName("FrontPool2"));
  }
}
