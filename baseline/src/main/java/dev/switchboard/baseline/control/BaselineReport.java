package dev.switchboard.baseline.control;

import dev.switchboard.baseline.entity.BaselineTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;

/**
 * What a baseline run measured, from the two times stored on each task: throughput from the first
 * submission to the last completion, and latency percentiles of submission to completion. The
 * percentiles are nearest-rank, as in the CLI's load report, so the two reports compare.
 */
@ApplicationScoped
public class BaselineReport {

  @PersistenceContext(unitName = BaselineTask.UNIT)
  EntityManager em;

  /**
   * The report as {@code {submitted, completed, firstSubmitted, lastCompleted, throughput, p50,
   * p95, p99, max}}: times in epoch milliseconds, throughput in tasks per second, latencies in
   * milliseconds; 0 where nothing was submitted or completed yet.
   */
  public JsonObject compute() {
    Object[] totals = em.createNamedQuery(BaselineTask.TOTALS, Object[].class).getSingleResult();
    long submitted = ((Number) totals[0]).longValue();
    long firstSubmitted = totals[1] == null ? 0 : ((Number) totals[1]).longValue();
    List<Object[]> times =
        em.createNamedQuery(BaselineTask.COMPLETED_TIMES, Object[].class).getResultList();
    long[] latencies = new long[times.size()];
    long lastCompleted = 0;
    for (int i = 0; i < latencies.length; i++) {
      long submittedAt = ((Number) times.get(i)[0]).longValue();
      long completedAt = ((Number) times.get(i)[1]).longValue();
      latencies[i] = completedAt - submittedAt;
      lastCompleted = Math.max(lastCompleted, completedAt);
    }
    Arrays.sort(latencies);
    long span = lastCompleted - firstSubmitted;
    double throughput = latencies.length == 0 || span <= 0 ? 0 : latencies.length / (span / 1000.0);
    return Json.createObjectBuilder()
        .add("submitted", submitted)
        .add("completed", latencies.length)
        .add("firstSubmitted", firstSubmitted)
        .add("lastCompleted", lastCompleted)
        .add("throughput", Math.round(throughput * 10) / 10.0)
        .add("p50", percentile(latencies, 50))
        .add("p95", percentile(latencies, 95))
        .add("p99", percentile(latencies, 99))
        .add("max", latencies.length == 0 ? 0 : latencies[latencies.length - 1])
        .build();
  }

  /** Nearest-rank percentile of sorted values; 0 for none. */
  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
