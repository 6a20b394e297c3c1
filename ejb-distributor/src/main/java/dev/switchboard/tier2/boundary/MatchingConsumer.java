package dev.switchboard.tier2.boundary;

import dev.switchboard.api.DeadLetters;
import dev.switchboard.api.Destinations;
import dev.switchboard.api.ForwardBatch;
import dev.switchboard.matching.boundary.Matcher;
import dev.switchboard.messaging.boundary.ParkingConsumer;
import dev.switchboard.messaging.control.BatchIsolation;
import dev.switchboard.messaging.control.JmsSender;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tier-2 matching distributor: consumes the batches tier 1 forwards to its queue and has the
 * {@link Matcher} allocate them, the whole batch in a transaction of the matcher's own. Declared in
 * ejb-jar.xml once per distributor, each with its queue and {@code distributorName}. A message it
 * cannot read is parked on the dead-letter queue at once. If a batch fails, its tasks are matched
 * one by one ({@link BatchIsolation}); those that fail alone go back to this queue each in a
 * message of its own, so that redelivery and at last the dead-letter queue (see {@link
 * DeadLetters}) deal with them alone and never fail the others. If every task fails alone, the
 * message is redelivered whole, and parked after {@link Destinations#MAX_DELIVERIES} deliveries.
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

  @Inject JmsSender sender;

  @Override
  public void onMessage(Message message) {
    consume(
        message,
        ForwardBatch.class,
        batch -> {
          IN_FLIGHT.incrementAndGet();
          try {
            BatchIsolation.Outcome<Long> outcome =
                BatchIsolation.process(batch.taskIds(), ids -> matcher.match(distributorName, ids));
            if (outcome.split()) {
              sendBack(message, outcome);
            }
          } finally {
            IN_FLIGHT.decrementAndGet();
          }
          LOG.log(
              Level.FINE,
              "{0} matched a batch of {1} tasks",
              new Object[] {distributorName, batch.taskIds().size()});
        });
  }

  /** Puts each task that failed alone back on this queue, in a message of its own. */
  private void sendBack(Message message, BatchIsolation.Outcome<Long> outcome) {
    Destination queue = origin(message);
    if (queue == null) {
      throw outcome.error(); // nowhere to send them: the whole message is redelivered
    }
    List<Long> failed = outcome.failed();
    LOG.log(
        Level.WARNING,
        "{0}: a batch failed ({1}); matched its tasks one by one, {2} failed alone and go back"
            + " each in a message of its own: {3}",
        new Object[] {distributorName, outcome.error().toString(), failed.size(), failed});
    for (Long id : failed) {
      sender.send(queue, new ForwardBatch(List.of(id)), 1);
    }
  }

  private static Destination origin(Message message) {
    try {
      return message.getJMSDestination();
    } catch (JMSException e) {
      return null;
    }
  }

  @Override
  protected String source() {
    return distributorName;
  }
}
