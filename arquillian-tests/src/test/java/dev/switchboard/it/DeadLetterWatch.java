package dev.switchboard.it;

import static org.awaitility.Awaitility.await;

import dev.switchboard.api.DeadLetterLog;
import dev.switchboard.api.Destinations;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Inside the server: puts messages on Switchboard's queues and waits for the dead letters parked
 * since the watch began, for in-server tests of what the consumers refuse. {@link
 * Deployments#switchboardWith} adds this class; a test using it also deploys Awaitility.
 */
final class DeadLetterWatch {

  /** Builds a message in the JMS context that sends it. */
  interface Sender {
    Message build(JMSContext context) throws JMSException;
  }

  /** A message for a queue, named by its JNDI name. */
  record Outgoing(String queue, Sender sender) {}

  private final InitialContext naming;
  private final DeadLetterLog log;
  private final long newestBefore;

  /** Starts watching: only dead letters parked from now on count. */
  DeadLetterWatch() throws NamingException {
    naming = new InitialContext();
    log =
        (DeadLetterLog)
            naming.lookup(
                "java:global/"
                    + Destinations.APP
                    + "/"
                    + Destinations.DISTRIBUTOR_MODULE
                    + "/DeadLetterRecords!"
                    + DeadLetterLog.class.getName());
    newestBefore = log.recent(1).stream().mapToLong(DeadLetterLog.Entry::id).max().orElse(0);
  }

  /** Sends the messages, in order, from one JMS context. */
  void send(List<Outgoing> messages) throws NamingException, JMSException {
    ConnectionFactory factory = (ConnectionFactory) naming.lookup(Destinations.CONNECTION_FACTORY);
    try (JMSContext context = factory.createContext()) {
      for (Outgoing message : messages) {
        Queue queue = (Queue) naming.lookup(message.queue());
        context.createProducer().send(queue, message.sender().build(context));
      }
    }
  }

  /**
   * Waits until at least {@code count} dead letters that {@code which} accepts were parked since
   * the watch began, looking among the newest {@code window}, and returns them.
   */
  List<DeadLetterLog.Entry> awaitParked(
      int count,
      int window,
      Predicate<DeadLetterLog.Entry> which,
      Duration atMost,
      Duration pollInterval) {
    return await()
        .atMost(atMost)
        .pollInterval(pollInterval)
        .until(
            () ->
                log.recent(window).stream()
                    .filter(d -> d.id() > newestBefore && which.test(d))
                    .toList(),
            found -> found.size() >= count);
  }
}
