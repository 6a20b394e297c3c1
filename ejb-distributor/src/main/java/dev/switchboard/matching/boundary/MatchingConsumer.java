package dev.switchboard.matching.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.matching.control.Matcher;
import dev.switchboard.messaging.ForwardBatch;
import dev.switchboard.messaging.boundary.ParkingConsumer;
import dev.switchboard.messaging.control.DeadLetters;
import dev.switchboard.messaging.control.MatchingInFlight;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tier-2 matching distributor: consumes the batches tier 1 forwards to its queue and has the
 * {@link Matcher} allocate them, the whole batch in the message's transaction. Declared in
 * ejb-jar.xml once per distributor, each with its queue and {@code distributorName}. A message it
 * cannot read is parked on the dead-letter queue at once; one whose matching fails is redelivered
 * and parked after {@link Destinations#MAX_DELIVERIES} deliveries (see {@link DeadLetters}).
 */
public class MatchingConsumer extends ParkingConsumer {

  private static final Logger LOG = Logger.getLogger(MatchingConsumer.class.getName());

  @Resource(name = "distributorName")
  String distributorName;

  @EJB Matcher matcher;

  @Inject MatchingInFlight inFlight;

  @Override
  public void onMessage(Message message) {
    consume(
        message,
        ForwardBatch.class,
        batch -> {
          int allocated;
          inFlight.started();
          try {
            allocated = matcher.match(distributorName, batch.taskIds());
          } finally {
            inFlight.ended();
          }
          LOG.log(
              Level.FINE,
              "{0} allocated {1} of {2} tasks",
              new Object[] {distributorName, allocated, batch.taskIds().size()});
        });
  }

  @Override
  protected String source() {
    return distributorName;
  }
}
