package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.ServerRegistration;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerUpdates;
import dev.switchboard.api.ServerView;
import dev.switchboard.messaging.MessageCodec;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.InitialContext;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Inside the server, over the real registration queue: a duplicate update changes nothing, an
 * update older than the one applied does not undo it, and an update with absurd values is parked
 * while the server keeps its last good attributes.
 */
class RegistrationOrderIT extends IntegrationTest {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.switchboardWith(
        new Class<?>[] {RegistrationOrderIT.class}, Awaitility.class, Matcher.class);
  }

  static ServerRegistration update(String name, double idlePower, Instant at) {
    return new ServerRegistration(
        name, "tier2-a", 2, Set.of("ooo-app"), 100, idlePower, "zone-o", Map.of(), at);
  }

  @Test
  void duplicateOutOfOrderAndAbsurdUpdatesAreHarmless() throws Exception {
    InitialContext naming = new InitialContext();
    ConnectionFactory factory = (ConnectionFactory) naming.lookup(Destinations.CONNECTION_FACTORY);
    Queue registration = (Queue) naming.lookup(Destinations.REGISTRATION);
    ServerRegistry registry =
        (ServerRegistry)
            naming.lookup(
                "java:global/switchboard/ejb-distributor/Registrations!"
                    + ServerRegistry.class.getName());
    String name = "ooo-" + System.nanoTime() % 100_000;
    Instant newer = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant older = newer.minusSeconds(10);
    try (JMSContext context = factory.createContext()) {
      String newest = MessageCodec.toJson(new ServerUpdates(List.of(update(name, 200, newer))));
      context.createProducer().send(registration, newest);
      context
          .createProducer()
          .send(
              registration,
              MessageCodec.toJson(new ServerUpdates(List.of(update(name, 100, older)))));
      context.createProducer().send(registration, newest);
      context
          .createProducer()
          .send(
              registration,
              newest.replace("\"slots\":2", "\"slots\":-5").replace("200.0", "1.0E300"));
      // the consumer is single and the queue FIFO: once the marker is in, all before it were done
      context
          .createProducer()
          .send(
              registration,
              MessageCodec.toJson(
                  new ServerUpdates(List.of(update(name + "-marker", 1, Instant.now())))));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> find(registry, name + "-marker").isPresent());
    ServerView server = find(registry, name).orElseThrow();
    assertEquals(200.0, server.idlePower(), "the older update undid the newer one");
    assertEquals(newer, server.idlePowerMeasuredAt());
    assertEquals(2, server.slots(), "the absurd update was applied");
    registry.changeState(name, "DISABLED");
    registry.changeState(name + "-marker", "DISABLED");
  }

  static Optional<ServerView> find(ServerRegistry registry, String name) {
    return registry.servers().stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
