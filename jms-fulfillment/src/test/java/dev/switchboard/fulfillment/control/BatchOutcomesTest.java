package dev.switchboard.fulfillment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.messaging.StatusReport;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchOutcomesTest {

  final ExecutorService pool = Executors.newFixedThreadPool(4);

  final BatchOutcomes outcomes =
      new BatchOutcomes(new ExecutorCompletionService<>(pool), 50, System::currentTimeMillis);

  final List<List<Long>> early = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  static StatusReport report(long task, boolean completed, String result) {
    Instant now = Instant.now();
    return new StatusReport(task, 1, "s", completed, now, now, result, "node");
  }

  /** Reports what the run returned, a failure as failed, lateness as "late". */
  static BatchOutcomes.Outcome outcome(long task) {
    return new BatchOutcomes.Outcome() {
      @Override
      public StatusReport ended(Future<StatusReport> run) {
        try {
          return run.get();
        } catch (ExecutionException | InterruptedException e) {
          return report(task, false, "failed: " + e.getCause());
        }
      }

      @Override
      public StatusReport late() {
        return report(task, false, "late");
      }
    };
  }

  static long far() {
    return System.currentTimeMillis() + 60_000;
  }

  static List<Long> ids(List<StatusReport> reports) {
    return reports.stream().map(StatusReport::taskId).toList();
  }

  @Test
  void runsThatEndTogetherComeBackAsOneBatchAndNothingGoesEarly() throws Exception {
    for (long task = 1; task <= 3; task++) {
      long id = task;
      outcomes.submit(() -> report(id, true, "ok"), far(), outcome(id));
    }
    List<StatusReport> rest = outcomes.await(r -> early.add(ids(r)));
    assertEquals(List.of(), early);
    assertEquals(List.of(1L, 2L, 3L), rest.stream().map(StatusReport::taskId).sorted().toList());
  }

  /**
   * Submits a long run (task 1) that ends only once the returned latch is counted down, and a short
   * one (task 2).
   */
  CountDownLatch longAndShort() {
    CountDownLatch release = new CountDownLatch(1);
    outcomes.submit(
        () -> {
          assertTrue(release.await(30, TimeUnit.SECONDS), "the long run was never released");
          return report(1, true, "long");
        },
        far(),
        outcome(1));
    outcomes.submit(() -> report(2, true, "short"), far(), outcome(2));
    return release;
  }

  @Test
  void aShortRunIsReportedWhileALongRunOfItsBatchStillGoesOn() throws Exception {
    CountDownLatch release = longAndShort();
    CompletableFuture<List<Long>> sentEarly = new CompletableFuture<>();
    List<StatusReport> rest =
        outcomes.await(
            r -> {
              early.add(ids(r));
              sentEarly.complete(ids(r));
              release.countDown();
            });
    assertEquals(List.of(2L), sentEarly.get(0, TimeUnit.SECONDS));
    assertEquals(List.of(List.of(2L)), early);
    assertEquals(List.of(1L), ids(rest));
    assertEquals("long", rest.get(0).result());
  }

  @Test
  void aRunPastItsDeadlineIsInterruptedAndReportedLate() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    outcomes.submit(
        () -> {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
          }
          return report(1, true, "never");
        },
        System.currentTimeMillis() + 100,
        outcome(1));
    List<StatusReport> rest = outcomes.await(r -> early.add(ids(r)));
    assertEquals(1, rest.size());
    assertEquals("late", rest.get(0).result());
    assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the late run was not interrupted");
  }

  @Test
  void whenTheEarlySenderFailsItsReportsStayForTheBatch() throws Exception {
    CountDownLatch release = longAndShort();
    List<StatusReport> rest =
        outcomes.await(
            r -> {
              early.add(ids(r));
              release.countDown();
              throw new IllegalStateException("broker down");
            });
    assertEquals(List.of(List.of(2L)), early, "tried once, then not again");
    assertEquals(List.of(1L, 2L), ids(rest).stream().sorted().toList());
  }
}
