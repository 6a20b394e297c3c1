package dev.switchboard.messaging.control;

import dev.switchboard.api.Destinations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Counts the messages, or the tasks they carry, waiting on a queue by browsing it, up to a cap, so
 * that a deep queue costs no more than its limit to measure. Portable JMS: no broker-specific
 * management API.
 */
@ApplicationScoped
public class QueueDepth {

  /**
   * Looked up, not injected: Payara re-used the injection metadata of an earlier deployment of this
   * CDI bean after a redeploy ("Can not set ... field"), failing the start.
   */
  private ConnectionFactory connectionFactory() {
    try {
      return (ConnectionFactory) new InitialContext().lookup(Destinations.CONNECTION_FACTORY);
    } catch (NamingException e) {
      throw new IllegalStateException(Destinations.CONNECTION_FACTORY + " is not bound", e);
    }
  }

  /** Messages on the queue, counting at most {@code cap}. */
  public int count(String queueJndiName, int cap) {
    return browse(queueJndiName, cap, message -> 1);
  }

  /**
   * Tasks on the queue, counting at most about {@code cap}: each message counts as many as its
   * {@link Destinations#BATCH_SIZE} property says (one without it). A limit counted in messages
   * meant nothing once a message carried up to 200 tasks.
   */
  public int tasks(String queueJndiName, int cap) {
    return browse(
        queueJndiName,
        cap,
        message ->
            message.propertyExists(Destinations.BATCH_SIZE)
                ? Math.max(1, message.getIntProperty(Destinations.BATCH_SIZE))
                : 1);
  }

  /** How much a message weighs in a count. */
  private interface Weight {
    int of(Message message) throws JMSException;
  }

  private int browse(String queueJndiName, int cap, Weight weight) {
    Queue queue;
    try {
      queue = (Queue) new InitialContext().lookup(queueJndiName);
    } catch (NamingException e) {
      throw new IllegalStateException("queue " + queueJndiName + " is not bound", e);
    }
    try (JMSContext context = connectionFactory().createContext();
        QueueBrowser browser = context.createBrowser(queue)) {
      Enumeration<?> messages = browser.getEnumeration();
      int count = 0;
      while (count < cap && messages.hasMoreElements()) {
        count += weight.of((Message) messages.nextElement());
      }
      return count;
    } catch (JMSException e) {
      throw new IllegalStateException("cannot browse " + queueJndiName + ": " + e.getMessage(), e);
    }
  }
}
