package dev.switchboard.tier2.control;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.DispatchBatch;
import dev.switchboard.messaging.control.JmsSender;
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
