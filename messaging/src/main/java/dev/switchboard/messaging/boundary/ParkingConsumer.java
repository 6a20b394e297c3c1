package dev.switchboard.messaging.boundary;

import dev.switchboard.messaging.control.DeadLetters;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The common part of every message-driven bean, in the main server and on worker nodes: consume a
 * message's contract, or park the message on the dead-letter queue with the reason, logged once
 * (see {@link DeadLetters}).
 */
public abstract class ParkingConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(ParkingConsumer.class.getName());

  @Inject DeadLetters parking;

  /** Where this consumer reads from, as dead letters name their source. */
  protected abstract String source();

  /** Consumes the message's body of the given contract with {@code work}, or parks it. */
  protected <T> void consume(Message message, Class<T> type, Consumer<T> work) {
    parking.consume(message, type, work, reason -> park(message, reason));
  }

  /**
   * Parks a body of this consumer's making rather than the message's, e.g. the part of a batch it
   * refused while it applied the rest, in the consumer's transaction.
   */
  protected void parkBody(String body, String reason) {
    LOG.log(
        Level.WARNING,
        "{0} parks part of a message as a dead letter: {1}",
        new Object[] {source(), reason});
    parking.parkBody(body, source(), reason);
  }

  private void park(Message message, String reason) {
    LOG.log(
        Level.WARNING,
        "{0} parks a message as a dead letter: {1}",
        new Object[] {source(), reason});
    parking.park(message, source(), reason);
  }
}
