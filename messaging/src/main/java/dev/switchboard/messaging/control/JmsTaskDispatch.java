package dev.switchboard.messaging.control;

import dev.switchboard.api.Destinations;
import dev.switchboard.messaging.DispatchBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Dispatches on the shared dispatch queue; the {@link Destinations#SERVER} property lets each
 * fulfillment node select the messages for its servers.
 */
@ApplicationScoped
public class JmsTaskDispatch implements TaskDispatch {

  @Inject JmsSender sender;

  @Override
  public void dispatch(DispatchBatch batch) {
    sender.send(
        Destinations.DISPATCH,
        batch,
        batch.tasks().size(),
        Map.of(Destinations.SERVER, batch.server()));
  }
}
