package dev.switchboard.messaging.control;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.ServerUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** {@link RegistrationSending} over the broker: one message on {@code registration} per batch. */
@ApplicationScoped
public class JmsRegistrationSending implements RegistrationSending {

  @Inject JmsSender sender;

  @Override
  public void send(ServerUpdates batch) {
    sender.send(Destinations.REGISTRATION, batch, batch.servers().size(), Map.of());
  }
}
