package dev.switchboard.task.control;

import dev.switchboard.api.ThroughputSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts of the last minutes in fixed intervals, kept in a ring: tasks submitted, completed and
 * failed, and the latency from submission to completion (sum and maximum). Constant memory, no
 * database reads; a slot is reused once its interval has passed.
 */
public final class Meter {

  private final int seconds;
  private final long[] starts;
  private final long[] submitted;
  private final long[] completed;
  private final long[] failed;
  private final long[] latencySum;
  private final long[] latencyMax;

  /**
   * @param seconds length of one interval
   * @param intervals how many intervals are kept
   */
  public Meter(int seconds, int intervals) {
    this.seconds = seconds;
    starts = new long[intervals];
    submitted = new long[intervals];
    completed = new long[intervals];
    failed = new long[intervals];
    latencySum = new long[intervals];
    latencyMax = new long[intervals];
  }

  /** Adds what one transaction did, at the given time. */
  public synchronized void add(
      Instant at, long tasksSubmitted, long tasksCompleted, long tasksFailed, long[] latencies) {
    int slot = slot(at);
    submitted[slot] += tasksSubmitted;
    completed[slot] += tasksCompleted;
    failed[slot] += tasksFailed;
    for (long latency : latencies) {
      latencySum[slot] += latency;
      latencyMax[slot] = Math.max(latencyMax[slot], latency);
    }
  }

  /** The intervals of the last {@code minutes} minutes up to {@code now}, oldest first. */
  public synchronized List<ThroughputSample> recent(Instant now, int minutes) {
    int wanted = Math.min(starts.length, Math.max(1, minutes * 60 / seconds));
    long current = intervalStart(now);
    List<ThroughputSample> samples = new ArrayList<>(wanted);
    for (int back = wanted - 1; back >= 0; back--) {
      long start = current - back * (long) seconds;
      int slot = (int) Math.floorMod(start / seconds, (long) starts.length);
      boolean live = starts[slot] == start;
      long done = live ? completed[slot] : 0;
      samples.add(
          new ThroughputSample(
              Instant.ofEpochSecond(start).toString(),
              seconds,
              live ? submitted[slot] : 0,
              done,
              live ? failed[slot] : 0,
              done == 0 ? 0 : (double) latencySum[slot] / done,
              live ? latencyMax[slot] : 0));
    }
    return samples;
  }

  private int slot(Instant at) {
    long start = intervalStart(at);
    int slot = (int) Math.floorMod(start / seconds, (long) starts.length);
    if (starts[slot] != start) {
      starts[slot] = start;
      submitted[slot] = 0;
      completed[slot] = 0;
      failed[slot] = 0;
      latencySum[slot] = 0;
      latencyMax[slot] = 0;
    }
    return slot;
  }

  private long intervalStart(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), seconds) * seconds;
  }
}
