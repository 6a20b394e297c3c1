package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.FrontDistributor;
import dev.switchboard.api.ServerRegistration;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerUpdates;
import dev.switchboard.api.TaskControl;
import dev.switchboard.api.TaskQueries;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.api.TaskView;
import dev.switchboard.messaging.DispatchBatch;
import dev.switchboard.messaging.DispatchItem;
import dev.switchboard.messaging.MessageCodec;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Inside the server: a task whose report never comes, on a server that keeps reporting itself, is
 * requeued as a new attempt once its timeout and OverdueTasks' grace have passed. The server is a
 * registered one that nothing runs: its name starts with {@code worker-}, which this server's
 * dispatch consumer leaves to worker nodes, and no worker node is up. The test reads the dispatch
 * messages itself afterwards.
 */
class OverdueIT extends IntegrationTest {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.switchboardWith(
        new Class<?>[] {OverdueIT.class}, Awaitility.class, Matcher.class);
  }

  static <T> T lookup(String name, Class<T> type) throws NamingException {
    return type.cast(new InitialContext().lookup(name));
  }

  @Test
  void aTaskWhoseReportNeverComesIsRequeuedAsANewAttempt() throws Exception {
    ConnectionFactory factory = lookup(Destinations.CONNECTION_FACTORY, ConnectionFactory.class);
    Queue registration = lookup(Destinations.REGISTRATION, Queue.class);
    Queue dispatch = lookup(Destinations.DISPATCH, Queue.class);
    String ejb = "java:global/switchboard/ejb-distributor/";
    ServerRegistry registry =
        lookup(ejb + "Registrations!" + ServerRegistry.class.getName(), ServerRegistry.class);
    TaskQueries tasks =
        lookup(ejb + "TaskHistory!" + TaskQueries.class.getName(), TaskQueries.class);
    TaskControl control =
        lookup(ejb + "Cancellations!" + TaskControl.class.getName(), TaskControl.class);
    long n = System.nanoTime() % 100_000;
    String server = "worker-overdue-" + n;
    String application = "overdue-app-" + n;
    Runnable alive =
        () -> {
          try (JMSContext context = factory.createContext()) {
            ServerRegistration me =
                new ServerRegistration(
                    server,
                    "tier2-a",
                    1,
                    Set.of(application),
                    100,
                    100,
                    "zone-o",
                    Map.of(),
                    Instant.now());
            context
                .createProducer()
                .send(registration, MessageCodec.toJson(new ServerUpdates(List.of(me))));
          }
        };
    long[] submitted = {0};
    // cleaned up as a resource: a failing clean-up is added to the test's failure, never hides it
    AutoCloseable cleanUp =
        () -> {
          if (submitted[0] != 0) {
            control.cancel(submitted[0]);
          }
          registry.changeState(server, "DISABLED");
        };
    try (cleanUp) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInSameThread()
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                alive.run();
                return registry.knownApplications().contains(application);
              });
      FrontDistributor pool =
          lookup(Destinations.poolJndiName("FrontPool1"), FrontDistributor.class);
      long task =
          pool.submit(
                  new TaskRequest(
                      application, "x", "olga", "overdue", 1, 0, null, null, Map.of(), 1, 0),
                  List.of())
              .id();
      submitted[0] = task;
      // the server reports itself every 2 s, so Liveness never finds it lost; attempt 2 is
      // waited for until it is allocated again, so that its dispatch message has been sent (the
      // requeue and the new dispatch are two transactions, the second after a retry delay)
      TaskView requeued =
          await()
              .atMost(Duration.ofMinutes(2))
              .pollInSameThread()
              .pollInterval(Duration.ofSeconds(2))
              .until(
                  () -> {
                    alive.run();
                    return tasks.find(task).orElseThrow();
                  },
                  t -> t.attempt() >= 2 && List.of("ALLOCATED", "RUNNING").contains(t.state()));
      assertTrue(
          requeued.events().stream()
              .anyMatch(
                  e -> e.reason() != null && e.reason().startsWith("no report from " + server)),
          "the requeue says why: " + requeued.events());
      assertTrue(
          dispatchedAttempts(factory, dispatch, server, task).containsAll(List.of(1, 2)),
          "attempts 1 and 2 were both dispatched to " + server);
    }
  }

  /** Takes this server's dispatch messages off the queue; the attempts of the task in them. */
  private static Set<Integer> dispatchedAttempts(
      ConnectionFactory factory, Queue dispatch, String server, long taskId) {
    Set<Integer> attempts = new TreeSet<>();
    try (JMSContext context = factory.createContext();
        JMSConsumer consumer =
            context.createConsumer(dispatch, Destinations.SERVER + " = '" + server + "'")) {
      for (Message m = consumer.receive(5_000); m != null; m = consumer.receive(2_000)) {
        for (DispatchItem item : MessageCodec.read(m, DispatchBatch.class).tasks()) {
          if (item.taskId() == taskId) {
            attempts.add(item.attempt());
          }
        }
      }
    }
    return attempts;
  }
}
