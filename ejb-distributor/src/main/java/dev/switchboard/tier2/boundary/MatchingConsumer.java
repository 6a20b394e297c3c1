package dev.switchboard.tier2.boundary;

import dev.switchboard.api.ForwardBatch;
import dev.switchboard.api.MessageCodec;
import dev.switchboard.matching.boundary.Matcher;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tier-2 matching distributor: consumes the batches tier 1 forwards to its queue and has the
 * {@link Matcher} allocate them, the whole batch in the message's transaction. Declared in
 * ejb-jar.xml once per distributor, each with its queue and {@code distributorName}. A message it
 * cannot read makes it throw, so the broker redelivers it and finally dead-letters it.
 */
public class MatchingConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(MatchingConsumer.class.getName());

  @Resource(name = "distributorName")
  String distributorName;

  @EJB Matcher matcher;

  @Override
  public void onMessage(Message message) {
    ForwardBatch batch;
    try {
      batch = MessageCodec.read(message, ForwardBatch.class);
    } catch (RuntimeException e) {
      Redelivery.logFirst(LOG, message, distributorName + " rejects a message: " + e.getMessage());
      throw e;
    }
    int allocated = matcher.match(distributorName, batch.taskIds());
    LOG.log(
        Level.FINE,
        "{0} allocated {1} of {2} tasks",
        new Object[] {distributorName, allocated, batch.taskIds().size()});
  }
}
