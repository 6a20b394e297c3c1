package dev.switchboard.cli;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The pace of one load run, shared by its senders. The batch whose first task is number k is due k
 * / rate seconds after the start (a late sender goes at once; with rate 0 every batch is due at
 * once), so the rate holds however many senders there are and however long each request takes. The
 * run is over when rate * seconds tasks are claimed or the seconds are up, whichever is first.
 */
final class Schedule {

  private final int rate;
  private final int batch;
  private final long target;
  private final long start = System.nanoTime();
  private final long end;
  private final AtomicLong claimed = new AtomicLong();

  Schedule(int rate, int batch, int seconds) {
    this.rate = rate;
    this.batch = batch;
    this.target = rate == 0 ? Long.MAX_VALUE : (long) rate * seconds;
    this.end = start + TimeUnit.SECONDS.toNanos(seconds);
  }

  /**
   * Claims the next batch and waits until it is due.
   *
   * @return how many tasks the batch has (the last one may be short), or 0 when the run is over
   */
  int next() {
    long first = claimed.getAndAdd(batch);
    if (first >= target) {
      return 0;
    }
    if (rate > 0) {
      LockSupport.parkNanos(start + (long) (first * 1e9 / rate) - System.nanoTime());
    }
    return over() ? 0 : (int) Math.min(batch, target - first);
  }

  /** Whether the run's seconds are up. */
  boolean over() {
    return System.nanoTime() >= end;
  }

  double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
