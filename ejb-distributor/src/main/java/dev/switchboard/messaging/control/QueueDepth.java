package dev.switchboard.messaging.control;

import dev.switchboard.api.Destinations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Counts the messages waiting on a queue by browsing it, up to a cap, so that a deep queue costs no
 * more than its limit to measure. Portable JMS: no broker-specific management API.
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
        messages.nextElement();
        count++;
      }
      return count;
    } catch (jakarta.jms.JMSException e) {
      throw new IllegalStateException("cannot browse " + queueJndiName + ": " + e.getMessage(), e);
    }
  }
}
