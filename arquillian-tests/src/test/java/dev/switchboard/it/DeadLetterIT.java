package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.PoolSearch;
import dev.switchboard.api.TaskQueries;
import dev.switchboard.api.TaskReceipt;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.api.TaskView;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Inside the server: a message a consumer cannot read is parked on the dead-letter queue, and the
 * task it named is failed with the reason, not left waiting and not forgotten.
 */
class DeadLetterIT extends IntegrationTest {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.switchboardWith(
        new Class<?>[] {DeadLetterIT.class, FrontDistributorIT.class},
        Awaitility.class,
        Matcher.class);
  }

  @Test
  void anUnreadableForwardMessageFailsItsTaskWithTheReason() throws Exception {
    TaskQueries tasks = FrontDistributorIT.tasks();
    TaskReceipt receipt =
        new PoolSearch(List.of("FrontPool1"), FrontDistributorIT::pool)
            .submit(
                new TaskRequest(
                    "sha256",
                    "poison",
                    "dora",
                    "it",
                    1,
                    0,
                    "server.zone == 'nowhere'",
                    null,
                    Map.of(),
                    60,
                    0));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> tasks.find(receipt.id()).orElseThrow().state().equals("PENDING"));

    InitialContext naming = new InitialContext();
    ConnectionFactory factory = (ConnectionFactory) naming.lookup(Destinations.CONNECTION_FACTORY);
    Queue tier2 = (Queue) naming.lookup(Destinations.TIER2_A);
    try (JMSContext context = factory.createContext()) {
      BytesMessage poison = context.createBytesMessage();
      poison.writeBytes(("{\"taskIds\":[" + receipt.id() + "]}").getBytes(StandardCharsets.UTF_8));
      context.createProducer().send(tier2, poison);
    }

    TaskView failed =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> tasks.find(receipt.id()).orElseThrow(), t -> t.state().equals("FAILED"));
    assertTrue(failed.reason().contains("dead letter from tier2-a"), failed.reason());
    assertTrue(failed.reason().contains("unreadable"), failed.reason());
  }
}
