package dev.switchboard.console.view;

import dev.switchboard.api.DistributorAdmin;
import dev.switchboard.api.DistributorView;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerView;
import dev.switchboard.api.TaskQueries;
import dev.switchboard.api.TaskStatistics;
import dev.switchboard.api.ThroughputSample;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The dashboard: tasks per state, throughput and latency of the last ten minutes, the tiers at a
 * glance and servers by state. Every figure is one aggregate query or an in-memory counter.
 */
@Named
@RequestScoped
public class Dashboard {

  static final int MINUTES = 10;

  @EJB TaskQueries tasks;

  @EJB TaskStatistics statistics;

  @EJB DistributorAdmin distributors;

  @EJB ServerRegistry servers;

  private Map<String, Long> states;
  private List<ThroughputSample> samples;
  private List<DistributorView> distributorList;
  private List<ServerView> serverList;

  public Map<String, Long> getStates() {
    if (states == null) {
      states = tasks.countByState();
    }
    return states;
  }

  public long getTotal() {
    return getStates().values().stream().mapToLong(Long::longValue).sum();
  }

  public List<ThroughputSample> getSamples() {
    if (samples == null) {
      samples = statistics.recent(MINUTES);
    }
    return samples;
  }

  /** The largest count in any interval, to scale the throughput bars. */
  public long getPeak() {
    return Math.max(
        1,
        getSamples().stream()
            .mapToLong(s -> Math.max(s.submitted(), s.completed()))
            .max()
            .orElse(1));
  }

  public long getPeakLatency() {
    return Math.max(
        1, getSamples().stream().mapToLong(s -> (long) s.meanLatencyMs()).max().orElse(1));
  }

  /** Tasks completed per second over the last complete minute. */
  public double getCompletedPerSecond() {
    List<ThroughputSample> recent = getSamples();
    int from = Math.max(0, recent.size() - 7);
    long completed = 0;
    int seconds = 0;
    for (ThroughputSample sample : recent.subList(from, Math.max(from, recent.size() - 1))) {
      completed += sample.completed();
      seconds += sample.seconds();
    }
    return seconds == 0 ? 0 : (double) completed / seconds;
  }

  /** Percent of the bar for a value against a peak. */
  public long percent(double value, long peak) {
    return Math.round(Math.min(100, 100.0 * value / Math.max(1, peak)));
  }

  public List<DistributorView> getPools() {
    return distributors().stream().filter(d -> d.tier() == 1).toList();
  }

  public List<DistributorView> getTier2() {
    return distributors().stream().filter(d -> d.tier() == 2).toList();
  }

  public Map<String, Long> getServerStates() {
    if (serverList == null) {
      serverList = servers.servers();
    }
    return serverList.stream()
        .collect(Collectors.groupingBy(ServerView::state, TreeMap::new, Collectors.counting()));
  }

  public String clockOf(ThroughputSample sample) {
    return sample.start().substring(11, 19);
  }

  private List<DistributorView> distributors() {
    if (distributorList == null) {
      distributorList = distributors.distributors();
    }
    return distributorList;
  }
}
