package dev.switchboard.fulfillment.control;

import dev.switchboard.messaging.StatusReport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The outcomes of one dispatched batch's runs, collected as the runs end. Runs of one batch can
 * take very different times: a user's minute-long task may share a dispatch message with another
 * user's millisecond one. Waiting for the slowest before reporting any would hold the others'
 * results, and their servers' slots at tier 2, for as long. So outcomes that have waited {@code
 * earlyMillis} while other runs of the batch still go on are handed to the early sender (a
 * transaction of its own), and the rest come back to be sent in the dispatch message's transaction.
 * A batch whose runs end close together sends one report message, as before. If the dispatch is
 * redelivered, a report sent early and sent again changes nothing at tier 2. A run past its
 * deadline is interrupted and reported by its outcome's {@link Outcome#late()}.
 */
public final class BatchOutcomes {

  /** What the batch makes of one run. */
  public interface Outcome {

    /** The report of a run that has ended, normally or by an exception ({@code run} is done). */
    StatusReport ended(Future<StatusReport> run);

    /** The report of a run still going at its deadline (it has been interrupted). */
    StatusReport late();
  }

  private record Pending(long deadline, Outcome outcome) {}

  private final CompletionService<StatusReport> completions;

  private final long earlyMillis;

  private final LongSupplier clock;

  private final Map<Future<StatusReport>, Pending> pending = new LinkedHashMap<>();

  /**
   * @param completions where the runs go; each ended run's future comes back through it
   * @param earlyMillis how long an outcome waits for the rest of the batch before it goes early
   * @param clock epoch milliseconds
   */
  public BatchOutcomes(
      CompletionService<StatusReport> completions, long earlyMillis, LongSupplier clock) {
    this.completions = completions;
    this.earlyMillis = earlyMillis;
    this.clock = clock;
  }

  /** Starts a run that must have ended by {@code deadline} (epoch milliseconds). */
  public void submit(Callable<StatusReport> run, long deadline, Outcome outcome) {
    pending.put(completions.submit(run), new Pending(deadline, outcome));
  }

  /**
   * Waits until every run has ended or passed its deadline. Outcomes that waited {@code
   * earlyMillis} while runs went on are given to {@code early}; if it throws, they stay for the
   * returned list and no more go early. Returns the outcomes not sent early, in the order they
   * came.
   */
  public List<StatusReport> await(Consumer<List<StatusReport>> early) throws InterruptedException {
    List<StatusReport> ready = new ArrayList<>();
    long readySince = 0;
    boolean earlyWorks = true;
    while (!pending.isEmpty()) {
      long now = clock.getAsLong();
      long wake = pending.values().stream().mapToLong(Pending::deadline).min().orElse(now);
      if (earlyWorks && !ready.isEmpty()) {
        wake = Math.min(wake, readySince + earlyMillis);
      }
      Future<StatusReport> ended = completions.poll(Math.max(0, wake - now), TimeUnit.MILLISECONDS);
      now = clock.getAsLong();
      Pending of = ended == null ? null : pending.remove(ended);
      if (of != null) {
        readySince = ready.isEmpty() ? now : readySince;
        ready.add(of.outcome().ended(ended));
      }
      for (Iterator<Map.Entry<Future<StatusReport>, Pending>> i = pending.entrySet().iterator();
          i.hasNext(); ) {
        Map.Entry<Future<StatusReport>, Pending> run = i.next();
        if (run.getValue().deadline() <= now) {
          run.getKey().cancel(true);
          i.remove();
          readySince = ready.isEmpty() ? now : readySince;
          ready.add(run.getValue().outcome().late());
        }
      }
      if (earlyWorks && !pending.isEmpty() && !ready.isEmpty() && now - readySince >= earlyMillis) {
        try {
          early.accept(List.copyOf(ready));
          ready.clear();
        } catch (RuntimeException e) {
          earlyWorks = false;
        }
      }
    }
    return ready;
  }
}
