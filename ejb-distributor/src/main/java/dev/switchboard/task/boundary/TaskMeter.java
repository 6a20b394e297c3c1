package dev.switchboard.task.boundary;

import dev.switchboard.api.TaskStatistics;
import dev.switchboard.api.ThroughputSample;
import dev.switchboard.task.control.Meter;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;

/**
 * Throughput and latency of this node over the last 15 minutes in 10-second intervals, for the
 * dashboard. Pools and the status handler report what their transaction did; it counts once the
 * transaction commits, so a rolled-back batch is not counted.
 */
@Singleton
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TaskMeter implements TaskStatistics {

  static final int INTERVAL_SECONDS = 10;
  static final int INTERVALS = 90;

  private final Meter meter = new Meter(INTERVAL_SECONDS, INTERVALS);

  @Resource TransactionSynchronizationRegistry transactions;

  @Override
  public List<ThroughputSample> recent(int minutes) {
    return meter.recent(Instant.now(), minutes);
  }

  public void submitted(int tasks) {
    tally().submitted += tasks;
  }

  public void completed(long latencyMs) {
    Tally tally = tally();
    tally.completed++;
    tally.latencies.add(latencyMs);
  }

  public void failed() {
    tally().failed++;
  }

  private Tally tally() {
    Tally tally = (Tally) transactions.getResource(Tally.class);
    if (tally == null) {
      Tally created = new Tally();
      transactions.putResource(Tally.class, created);
      transactions.registerInterposedSynchronization(created);
      tally = created;
    }
    return tally;
  }

  /** What one transaction did. */
  private final class Tally implements Synchronization {
    long submitted;
    long completed;
    long failed;
    final java.util.ArrayList<Long> latencies = new java.util.ArrayList<>();

    @Override
    public void beforeCompletion() {
      // counted after the outcome is known
    }

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        meter.add(
            Instant.now(),
            submitted,
            completed,
            failed,
            latencies.stream().mapToLong(Long::longValue).toArray());
      }
    }
  }
}
