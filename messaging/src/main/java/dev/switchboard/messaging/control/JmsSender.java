package dev.switchboard.messaging.control;

import dev.switchboard.api.Destinations;
import dev.switchboard.messaging.MessageCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends a message contract as a persistent JSON text message. Inside a container transaction the
 * send is part of it: the message leaves only if the transaction commits.
 */
@ApplicationScoped
public class JmsSender {

  @Inject JmsNames names;

  /**
   * Looked up, not injected: Payara re-used the injection metadata of an earlier deployment of this
   * CDI bean after a redeploy ("Can not set ... field"), failing the start. A worker node binds its
   * own factory ({@link JmsNames}).
   */
  private ConnectionFactory connectionFactory() {
    return names.factory(ConnectionFactory.class);
  }

  private final Map<String, Destination> destinations = new ConcurrentHashMap<>();

  /**
   * @param destination JNDI name of the queue or topic (a constant of {@link Destinations})
   * @param body a message contract
   * @param batchSize how many tasks the body carries, set as a message property
   * @param properties further string properties, e.g. the server a dispatch is for
   */
  public void send(String destination, Object body, int batchSize, Map<String, String> properties) {
    send(destination, body, batchSize, properties, Duration.ZERO);
  }

  /** The same, delivered no earlier than {@code delay} from now. */
  public void send(
      String destination,
      Object body,
      int batchSize,
      Map<String, String> properties,
      Duration delay) {
    try (JMSContext context = connectionFactory().createContext()) {
      JMSProducer producer =
          context.createProducer().setProperty(Destinations.BATCH_SIZE, batchSize);
      if (!delay.isZero()) {
        producer.setDeliveryDelay(delay.toMillis());
      }
      properties.forEach(producer::setProperty);
      producer.send(lookup(destination), MessageCodec.toJson(body));
    }
  }

  private Destination lookup(String name) {
    return destinations.computeIfAbsent(name, n -> names.destination(n, Destination.class));
  }
}
