package dev.switchboard.messaging.control;

import dev.switchboard.api.Destinations;
import dev.switchboard.messaging.StatusBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** {@link StatusSending} over the broker: one message on {@code status} per batch. */
@ApplicationScoped
public class JmsStatusSending implements StatusSending {

  @Inject JmsSender sender;

  @Override
  public void send(StatusBatch batch) {
    sender.send(Destinations.STATUS, batch, batch.reports().size(), Map.of());
  }
}
