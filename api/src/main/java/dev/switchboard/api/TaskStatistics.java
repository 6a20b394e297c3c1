package dev.switchboard.api;

import jakarta.ejb.Local;
import java.util.List;

/** Throughput and latency of the last minutes, for the console's dashboard. */
@Local
public interface TaskStatistics {

  /** The samples of the last {@code minutes} minutes, oldest first. */
  List<ThroughputSample> recent(int minutes);
}
