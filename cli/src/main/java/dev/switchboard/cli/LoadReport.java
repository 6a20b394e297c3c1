package dev.switchboard.cli;

import java.util.List;
import java.util.Locale;

/**
 * What a load run measured, from the stage times recorded on each task: throughput and the
 * p50/p95/p99 of submission to allocation, to running and to completion.
 */
final class LoadReport {

  /** One latency distribution in milliseconds. */
  record Latency(String name, int count, long p50, long p95, long p99, long max) {}

  final int tasks;
  final int completed;
  final int failed;
  final int unfinished;
  final double submittedPerSecond;
  final double completedPerSecond;
  final List<Latency> latencies;

  /**
   * @param rows per task {@code [id, final (0 no, 1 completed, 2 failed/cancelled), submitted,
   *     allocated, running, ended]}
   */
  LoadReport(List<long[]> rows) {
    tasks = rows.size();
    completed = (int) rows.stream().filter(r -> r[1] == 1).count();
    failed = (int) rows.stream().filter(r -> r[1] == 2).count();
    unfinished = tasks - completed - failed;
    long firstSubmit = rows.stream().mapToLong(r -> r[2]).min().orElse(0);
    long lastSubmit = rows.stream().mapToLong(r -> r[2]).max().orElse(0);
    long lastEnd = rows.stream().filter(r -> r[1] == 1).mapToLong(r -> r[5]).max().orElse(0);
    submittedPerSecond = rate(tasks, lastSubmit - firstSubmit);
    completedPerSecond = rate(completed, lastEnd - firstSubmit);
    latencies =
        List.of(
            latency("submit -> allocated", rows, 3),
            latency("submit -> running", rows, 4),
            latency("submit -> completed", rows, 5));
  }

  private static double rate(int count, long millis) {
    return millis <= 0 ? count : count * 1000.0 / millis;
  }

  private static Latency latency(String name, List<long[]> rows, int stage) {
    long[] values =
        rows.stream().filter(r -> r[stage] > 0).mapToLong(r -> r[stage] - r[2]).sorted().toArray();
    return new Latency(
        name,
        values.length,
        percentile(values, 50),
        percentile(values, 95),
        percentile(values, 99),
        values.length == 0 ? 0 : values[values.length - 1]);
  }

  /** Nearest-rank percentile of sorted values; 0 for none. */
  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The report as a Markdown table. */
  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "tasks %d: completed %d, failed %d, unfinished %d%n"
                + "submitted %.0f tasks/s, completed %.0f tasks/s (first submission to last"
                + " completion)%n%n",
            tasks,
            completed,
            failed,
            unfinished,
            submittedPerSecond,
            completedPerSecond));
    out.append(
        "| latency (ms) | tasks | p50 | p95 | p99 | max |\n| --- | --- | --- | --- | --- | --- |\n");
    for (Latency l : latencies) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %d |%n",
              l.name(),
              l.count(),
              l.p50(),
              l.p95(),
              l.p99(),
              l.max()));
    }
    return out.toString();
  }
}
