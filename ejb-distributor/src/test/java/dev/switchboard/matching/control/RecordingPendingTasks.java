package dev.switchboard.matching.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pending tasks that record what they were asked to send back to matching instead of sending it;
 * {@link #requeue} is the real one, on the given index.
 */
public class RecordingPendingTasks extends PendingTasks {

  /** The {@code max} of each re-match, in order. */
  public final List<Integer> rematched = new ArrayList<>();

  /** The {@code max} of each re-match after a server change, in order. */
  public final List<Integer> rematchedAfterServerChange = new ArrayList<>();

  /** Task id → the delay it was to be sent back after. */
  public final Map<Long, Duration> sentLater = new LinkedHashMap<>();

  public RecordingPendingTasks(ServerIndex index) {
    this.index = index;
  }

  @Override
  public int rematch(int max) {
    rematched.add(max);
    return 0;
  }

  @Override
  public int rematchAfterServerChange(int max) {
    rematchedAfterServerChange.add(max);
    return 0;
  }

  @Override
  public boolean sendLater(Long taskId, Duration delay) {
    sentLater.put(taskId, delay);
    return true;
  }
}
