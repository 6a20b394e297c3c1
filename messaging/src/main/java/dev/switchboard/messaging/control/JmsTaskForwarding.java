package dev.switchboard.messaging.control;

import dev.switchboard.messaging.ForwardBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Forwards tasks as one {@link ForwardBatch} message on the tier-2 distributor's queue. */
@ApplicationScoped
public class JmsTaskForwarding implements TaskForwarding {

  @Inject JmsSender sender;

  @Override
  public void forward(String destination, List<Long> taskIds) {
    forward(destination, taskIds, Duration.ZERO);
  }

  @Override
  public void forward(String destination, List<Long> taskIds, Duration delay) {
    sender.send(destination, new ForwardBatch(taskIds), taskIds.size(), Map.of(), delay);
  }
}
