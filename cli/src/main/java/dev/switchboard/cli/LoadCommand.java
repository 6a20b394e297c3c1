package dev.switchboard.cli;

import dev.switchboard.api.TaskRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code load}: a load generator. Submits tasks at a target rate (or as fast as the server takes
 * them) for a while, in batches over REST or remote EJB, from several threads; then waits for them
 * to end and reports throughput and latency percentiles computed from the stage times Switchboard
 * recorded on each task ({@code GET /api/tasks/timings}, so {@code --rest} is needed for the report
 * even when submitting over IIOP).
 */
@Command(
    name = "load",
    description = "Generates load and reports throughput and latency percentiles.",
    mixinStandardHelpOptions = true)
class LoadCommand implements java.util.concurrent.Callable<Integer> {

  @ParentCommand Switchboard parent;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--rate",
      defaultValue = "500",
      description = "Tasks per second; 0: as fast as possible (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(
      names = "--duration",
      defaultValue = "60",
      description = "Seconds of submission (default ${DEFAULT-VALUE}).")
  int duration;

  @Option(
      names = "--batch",
      defaultValue = "50",
      description = "Tasks per request, 1 to 1000 (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--threads",
      defaultValue = "4",
      description = "Concurrent senders (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = {"-a", "--application"},
      defaultValue = "sha256",
      description = "Application (default ${DEFAULT-VALUE}).")
  String application;

  @Option(
      names = {"-i", "--input"},
      defaultValue = "load",
      description = "Input of every task.")
  String input;

  @Option(
      names = "--drain",
      defaultValue = "300",
      description = "Seconds to wait for the tasks to end (default ${DEFAULT-VALUE}).")
  int drain;

  @Option(
      names = "--over",
      defaultValue = "rest",
      description =
          "Submit over rest or iiop (default ${DEFAULT-VALUE}); the report always reads over REST.")
  String over;

  /** Pause before a refused batch is offered again. */
  static final long RETRY_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  @Option(
      names = "--warmup",
      defaultValue = "0",
      description =
          "Seconds of the same load first, not reported: the server's and this JVM's compilers"
              + " warm up (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--report", description = "Also write the report (Markdown) to this file.")
  Path report;

  @Override
  public Integer call() throws Exception {
    if (rate < 0
        || duration < 1
        || warmup < 0
        || batch < 1
        || batch > 1000
        || threads < 1
        || threads > 64) {
      throw new Gateway.Rejected(
          "need --rate >= 0, --duration >= 1, --warmup >= 0, --batch 1..1000, --threads 1..64");
    }
    if (parent.rest == null) {
      throw new Gateway.Rejected("load needs --rest URL (the report reads task timings over REST)");
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    RestGateway rest = (RestGateway) parent.restGateway();
    Gateway submitter = over.equals("iiop") ? parent.iiopGateway() : rest;
    if (warmup > 0) {
      err.printf("warm-up for %d s (not reported)%n", warmup);
      send(submitter, warmup, err);
    }
    List<Long> ids = send(submitter, duration, err);
    if (ids.isEmpty()) {
      throw new Gateway.Unavailable("no task was accepted");
    }
    List<long[]> rows = awaitEnd(rest, ids, err);
    LoadReport result = new LoadReport(rows);
    String text =
        String.format(
                Locale.ROOT,
                "load: %s over %s, target %s tasks/s for %d s%s, batches of %d, %d threads%n",
                application,
                over,
                rate == 0 ? "max" : rate,
                duration,
                warmup > 0 ? " after a warm-up of " + warmup + " s" : "",
                batch,
                threads)
            + result.markdown();
    out.print(text);
    out.flush();
    if (report != null) {
      try {
        Files.writeString(report, text);
      } catch (IOException e) {
        throw new Gateway.Rejected("cannot write " + report + ": " + e.getMessage());
      }
    }
    return result.unfinished == 0 && result.failed == 0 ? 0 : Switchboard.FAILED;
  }

  /**
   * Submits at the rate asked for this many seconds, with a progress line.
   *
   * @return the ids of the tasks accepted
   */
  private List<Long> send(Gateway submitter, int seconds, PrintWriter err)
      throws InterruptedException {
    List<Long> ids = Collections.synchronizedList(new ArrayList<>());
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger refusals = new AtomicInteger();
    Schedule schedule = new Schedule(rate, batch, seconds);
    ExecutorService senders = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      senders.submit(
          () -> {
            for (int size = schedule.next(); size > 0; size = schedule.next()) {
              List<TaskRequest> requests = new ArrayList<>(size);
              for (int i = 0; i < size; i++) {
                requests.add(new TaskRequest(application, input, "load-user", "load-gen"));
              }
              while (true) {
                try {
                  ids.addAll(
                      size == 1
                          ? List.of(submitter.submit(requests.get(0)).id())
                          : submitter.submitAll(requests));
                  sent.addAndGet(size);
                  break;
                } catch (Gateway.Unavailable e) {
                  // refused (saturated, or not answering): the same batch again a moment later,
                  // until the run's end; the server's backpressure sets the pace
                  refusals.incrementAndGet();
                  if (schedule.over()) {
                    errors.add(e.getMessage());
                    break;
                  }
                  LockSupport.parkNanos(RETRY_AFTER_NANOS);
                } catch (RuntimeException e) {
                  errors.add(e.getMessage());
                  break;
                }
              }
            }
          });
    }
    senders.shutdown();
    while (!senders.awaitTermination(1, TimeUnit.SECONDS)) {
      double now = schedule.elapsedSeconds();
      err.printf(
          Locale.ROOT,
          "\r%s %d submitted, %.0f/s, %d errors   ",
          Progress.line((int) Math.min(now, seconds), seconds, "s"),
          sent.get(),
          sent.get() / now,
          errors.size());
      err.flush();
    }
    double took = schedule.elapsedSeconds();
    err.printf(
        Locale.ROOT,
        "%nsubmitted %d tasks in %.1f s (%.0f/s), %d failed requests, %d refusals retried%n",
        sent.get(),
        took,
        sent.get() / took,
        errors.size(),
        refusals.get());
    errors.stream().distinct().limit(5).forEach(e -> err.println("  error: " + e));
    return ids;
  }

  /** Polls the tasks' timings until all have ended or the drain time is over. */
  private List<long[]> awaitEnd(RestGateway rest, List<Long> ids, PrintWriter err)
      throws InterruptedException {
    long min = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
    long max = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
    java.util.Set<Long> ours = new java.util.HashSet<>(ids);
    long deadline = System.nanoTime() + Duration.ofSeconds(drain).toNanos();
    List<long[]> rows = List.of();
    while (true) {
      try {
        rows = timings(rest, min, max, ours);
      } catch (RuntimeException e) {
        // a server still busy with the backlog may not answer in time; ask again until the end
        err.printf("%ntimings not read this time (%s); asking again%n", e.getMessage());
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(2_000);
        continue;
      }
      long ended = rows.stream().filter(r -> r[1] != 0).count();
      err.printf("\r%s   ", Progress.line((int) ended, ids.size(), "ended"));
      err.flush();
      if (ended == ids.size() || System.nanoTime() > deadline) {
        err.println();
        return rows;
      }
      Thread.sleep(2_000);
    }
  }

  private static List<long[]> timings(
      RestGateway rest, long min, long max, java.util.Set<Long> ours) {
    List<long[]> rows = new ArrayList<>(ours.size());
    for (long from = min; from <= max; from += 20_000) {
      for (long[] row : rest.timings(from, Math.min(max, from + 19_999))) {
        if (ours.contains(row[0])) {
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
