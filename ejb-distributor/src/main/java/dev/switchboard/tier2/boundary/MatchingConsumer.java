package dev.switchboard.tier2.boundary;

import dev.switchboard.api.DeadLetters;
import dev.switchboard.api.Destinations;
import dev.switchboard.api.ForwardBatch;
import dev.switchboard.matching.boundary.Matcher;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tier-2 matching distributor: consumes the batches tier 1 forwards to its queue and has the
 * {@link Matcher} allocate them, the whole batch in the message's transaction. Declared in
 * ejb-jar.xml once per distributor, each with its queue and {@code distributorName}. A message it
 * cannot read is parked on the dead-letter queue at once; one whose matching fails is redelivered
 * and parked after {@link Destinations#MAX_DELIVERIES} deliveries (see {@link DeadLetters}).
 */
public class MatchingConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(MatchingConsumer.class.getName());

  @Resource(name = "distributorName")
  String distributorName;

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Destinations.DEAD_LETTERS)
  Queue deadLetters;

  @EJB Matcher matcher;

  @Override
  public void onMessage(Message message) {
    DeadLetters.consume(
        message,
        ForwardBatch.class,
        batch -> {
          int allocated = matcher.match(distributorName, batch.taskIds());
          LOG.log(
              Level.FINE,
              "{0} allocated {1} of {2} tasks",
              new Object[] {distributorName, allocated, batch.taskIds().size()});
        },
        reason -> park(message, reason));
  }

  private void park(Message message, String reason) {
    LOG.log(
        Level.WARNING,
        "{0} parks a message as a dead letter: {1}",
        new Object[] {distributorName, reason});
    DeadLetters.park(connectionFactory, deadLetters, message, distributorName, reason);
  }
}
