package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadReportTest {

  @Test
  void percentilesAreNearestRank() {
    long[] sorted = new long[100];
    for (int i = 0; i < 100; i++) {
      sorted[i] = i + 1;
    }
    assertEquals(50, LoadReport.percentile(sorted, 50));
    assertEquals(95, LoadReport.percentile(sorted, 95));
    assertEquals(99, LoadReport.percentile(sorted, 99));
    assertEquals(0, LoadReport.percentile(new long[0], 99));
  }

  @Test
  void latenciesAreMeasuredFromEachTasksSubmission() {
    List<long[]> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long submitted = 1_000_000 + i * 100L;
      rows.add(new long[] {i, 1, submitted, submitted + 5, submitted + 10 + i, submitted + 20 + i});
    }
    rows.add(new long[] {99, 0, 1_000_500, 0, 0, 0});
    LoadReport report = new LoadReport(rows);
    assertEquals(11, report.tasks);
    assertEquals(10, report.completed);
    assertEquals(1, report.unfinished);
    assertEquals(5, report.latencies.get(0).p99());
    assertEquals(19, report.latencies.get(1).max());
    assertEquals(29, report.latencies.get(2).p99());
    assertTrue(report.markdown().contains("| submit -> completed | 10 | 24 | 29 | 29 | 29 |"));
  }
}
