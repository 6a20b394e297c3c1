package dev.switchboard.messaging.control;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.MalformedMessageException;
import dev.switchboard.messaging.MessageCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * How a consumer gives up on a message without losing it: it parks a copy on the dead-letter queue
 * with its source and the reason, in the consumer's transaction, and returns normally. An
 * unreadable message is parked at once (it will not become readable); one whose processing fails is
 * redelivered, and parked once it has failed {@link Destinations#MAX_DELIVERIES} deliveries and
 * {@link #RETRY_WINDOW} has passed since its first failure, with the last error seen. The window
 * lets a message ride out a database or broker outage instead of failing its tasks (measured: with
 * a count alone, dropping the database's connections failed 99 of 600 tasks). The resource adapter
 * retries in place every second ({@link Destinations#REDELIVERY_ATTEMPTS}), well past the window:
 * with its default it moved a status batch of 200 tasks to the broker's {@code mq.sys.dmq} after
 * two deliveries, where nothing records it, and its tasks stayed ALLOCATED. One per application, so
 * that the failures of a message are remembered whichever consumer instance receives it again.
 */
@ApplicationScoped
public class DeadLetters {

  /** How long a failing message is retried at least before it is parked. */
  public static final Duration RETRY_WINDOW = Duration.ofSeconds(20);

  private static final int REMEMBERED = 10_000;

  @Inject JmsNames names;

  private volatile Queue deadLetters;

  private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
  private final Map<String, Instant> firstFailures = new ConcurrentHashMap<>();

  /** The time the retry window is measured in. */
  private final Clock clock;

  public DeadLetters() {
    this(Clock.systemUTC());
  }

  DeadLetters(Clock clock) {
    this.clock = clock;
  }

  /**
   * Consumes a message the way every Switchboard consumer does: parks it if it was delivered too
   * often or cannot be read, else processes its body; a failure is remembered and rethrown, so that
   * the transaction rolls back and the broker redelivers.
   *
   * @param type the contract the body must hold
   * @param work what to do with the body, in the consumer's transaction
   * @param park how this consumer parks a message, given the reason
   */
  public <T> void consume(Message message, Class<T> type, Consumer<T> work, Consumer<String> park) {
    if (exhausted(message)) {
      park.accept(exhaustedReason(message));
      return;
    }
    T body;
    try {
      body = MessageCodec.read(message, type);
    } catch (MalformedMessageException e) {
      park.accept("unreadable: " + e.getMessage());
      return;
    }
    try {
      work.accept(body);
    } catch (RuntimeException e) {
      failed(message, e);
      throw e;
    }
    if (!firstFailures.isEmpty()) {
      firstFailures.remove(id(message));
    }
  }

  /** Whether the message has been delivered so often that it must be parked instead. */
  public boolean exhausted(Message message) {
    Instant first = firstFailures.get(id(message));
    return deliveries(message) >= Destinations.MAX_DELIVERIES
        && first != null
        && first.plus(RETRY_WINDOW).isBefore(Instant.now(clock));
  }

  /** Remembers why processing failed, for the reason given when the message is finally parked. */
  public void failed(Message message, RuntimeException error) {
    if (lastErrors.size() > REMEMBERED || firstFailures.size() > REMEMBERED) {
      lastErrors.clear();
      firstFailures.clear();
    }
    String id = id(message);
    lastErrors.put(id, String.valueOf(error));
    firstFailures.putIfAbsent(id, Instant.now(clock));
  }

  /** The reason for parking a message that failed every delivery. */
  public String exhaustedReason(Message message) {
    String last = lastErrors.remove(id(message));
    Instant first = firstFailures.remove(id(message));
    long seconds = first == null ? 0 : Duration.between(first, Instant.now(clock)).toSeconds();
    return "failed "
        + (deliveries(message) - 1)
        + " deliveries over "
        + seconds
        + " s"
        + (last == null ? "" : ", last: " + last);
  }

  /** Parks a copy of the message, as text, with its source and the reason. */
  public void park(Message message, String source, String reason) {
    parkBody(text(message), source, reason);
  }

  /**
   * Parks a body of the consumer's making rather than a message's, e.g. the part of a batch it
   * refused while it applied the rest, in the consumer's transaction.
   */
  public void parkBody(String body, String source, String reason) {
    try (JMSContext context = names.factory(ConnectionFactory.class).createContext()) {
      context
          .createProducer()
          .setProperty(Destinations.DEAD_SOURCE, source)
          .setProperty(Destinations.DEAD_REASON, reason)
          .send(deadLetters(), body);
    }
  }

  private Queue deadLetters() {
    Queue queue = deadLetters;
    if (queue == null) {
      queue = names.destination(Destinations.DEAD_LETTERS, Queue.class);
      deadLetters = queue;
    }
    return queue;
  }

  /** The body as text: a text message's text, a bytes message's bytes as UTF-8. */
  public static String text(Message message) {
    try {
      if (message instanceof TextMessage text) {
        return text.getText();
      }
      if (message instanceof BytesMessage bytes) {
        byte[] data = new byte[(int) Math.min(bytes.getBodyLength(), 1 << 20)];
        bytes.reset();
        bytes.readBytes(data);
        return new String(data, StandardCharsets.UTF_8);
      }
    } catch (JMSException e) {
      return "unreadable body: " + e.getMessage();
    }
    return String.valueOf(message);
  }

  private static int deliveries(Message message) {
    try {
      return message.propertyExists("JMSXDeliveryCount")
          ? message.getIntProperty("JMSXDeliveryCount")
          : 1;
    } catch (JMSException | NumberFormatException e) {
      return 1;
    }
  }

  private static String id(Message message) {
    try {
      return String.valueOf(message.getJMSMessageID());
    } catch (JMSException e) {
      return "unknown";
    }
  }
}
