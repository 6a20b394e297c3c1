package dev.switchboard.tier2.boundary;

import dev.switchboard.api.DeadLetters;
import dev.switchboard.api.Destinations;
import dev.switchboard.api.ForwardBatch;
import dev.switchboard.matching.boundary.Matcher;
import dev.switchboard.messaging.boundary.ParkingConsumer;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.Message;
import java.util.concurrent.atomic.AtomicInteger;
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

  /**
   * Batches being matched in this JVM now. A message being consumed is no longer on its queue, so
   * an empty queue alone does not mean that no forwarded task is on its way (see StrandedTasks).
   */
  private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

  /** Whether any batch is being matched in this JVM now. */
  public static boolean matching() {
    return IN_FLIGHT.get() > 0;
  }

  @Resource(name = "distributorName")
  String distributorName;

  @EJB Matcher matcher;

  @Override
  public void onMessage(Message message) {
    consume(
        message,
        ForwardBatch.class,
        batch -> {
          int allocated;
          IN_FLIGHT.incrementAndGet();
          try {
            allocated = matcher.match(distributorName, batch.taskIds());
          } finally {
            IN_FLIGHT.decrementAndGet();
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
