package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.ServerRegistration;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerUpdates;
import dev.switchboard.messaging.MessageCodec;
import dev.switchboard.messaging.StatusBatch;
import dev.switchboard.messaging.StatusReport;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.naming.InitialContext;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Inside the server, over the real status queue: a report on an earlier attempt of a task that was
 * requeued, and a report sent again after it was recorded, change nothing: not the task's state,
 * result or history, nor its server's load. The reports come from the node their server registered
 * from, so they pass the authenticity check and reach the attempt and state checks. The test's own
 * server runs nothing (no node has its application; the main node's failure reports name the main
 * node and are refused), so the test sends every report its tasks get. Each probe shares its status
 * batch with a genuine report on another task, which shows when the batch has been applied.
 */
class StatusReplayIT extends IntegrationTest {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.switchboardWith(
        new Class<?>[] {StatusReplayIT.class}, Awaitility.class, Matcher.class);
  }

  static final AtomicInteger SERVERS = new AtomicInteger();

  /** Each test has a server of its own, whose load only its tasks make. */
  final String suffix = System.nanoTime() % 100_000 + "-" + SERVERS.incrementAndGet();

  final String server = "replay-" + suffix;
  final String node = "replay-node@" + suffix;
  final String application = "replay-app-" + suffix;

  ConnectionFactory factory;
  Queue registration;
  Queue status;
  ServerRegistry registry;

  /** Registers the test's server; each test calls it first, and disables the server at its end. */
  void registerTheServer() throws Exception {
    InitialContext naming = new InitialContext();
    factory = (ConnectionFactory) naming.lookup(Destinations.CONNECTION_FACTORY);
    registration = (Queue) naming.lookup(Destinations.REGISTRATION);
    status = (Queue) naming.lookup(Destinations.STATUS);
    registry =
        (ServerRegistry)
            naming.lookup(
                "java:global/switchboard/ejb-distributor/Registrations!"
                    + ServerRegistry.class.getName());
    keepAlive();
    assertEquals(0, load());
  }

  @Test
  void aReportOnTheAttemptBeforeARequeueChangesNothing() throws Exception {
    registerTheServer();
    try {
      staleAttempt();
    } finally {
      registry.changeState(server, "DISABLED");
    }
  }

  void staleAttempt() {
    long requeued = submit(task(1));
    long marker = submit(task(0));
    allocated(requeued, marker);
    // attempt 1 fails on the server: the task is requeued, and its attempt 2 is allocated there
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    send(report(requeued, 1, false, t, "attempt 1 failed on purpose"));
    JsonObject before =
        await()
            .until(
                () -> task(requeued),
                j -> j.getInt("attempt") == 2 && "ALLOCATED".equals(j.getString("state")));
    await().until(() -> load() == 2);

    try (Ignored ignored = new Ignored()) {
      keepAlive();
      // a late report on attempt 1, in one batch with the completion of the other task
      send(report(requeued, 1, true, t, "stale result"), report(marker, 1, true, t, "marker"));
      assertEquals("marker", awaitState(marker, "COMPLETED").getString("result"));
      JsonObject after = task(requeued);
      assertEquals("ALLOCATED", after.getString("state"), after.toString());
      assertEquals(2, after.getInt("attempt"), after.toString());
      assertEquals(before.getJsonArray("events"), after.getJsonArray("events"));
      assertFalse(after.toString().contains("stale result"), after.toString());
      loadStays(1, "only the other task's slot freed: the stale report freed none");
      ignored.awaitSaid("Report on attempt 1 of task " + requeued + " ignored: it is at attempt 2");
    }

    send(report(requeued, 2, true, t, "attempt 2"));
    assertEquals("attempt 2", awaitState(requeued, "COMPLETED").getString("result"));
  }

  @Test
  void aReportSentAgainAfterItWasRecordedChangesNothing() throws Exception {
    registerTheServer();
    try {
      repeatedReport();
    } finally {
      registry.changeState(server, "DISABLED");
    }
  }

  void repeatedReport() {
    long holder = submit(task(0));
    long completed = submit(task(0));
    long marker = submit(task(0));
    allocated(holder, completed, marker);
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    StatusReport done = report(completed, 1, true, t, "done");
    send(done);
    JsonObject recorded = awaitState(completed, "COMPLETED");
    assertEquals("done", recorded.getString("result"));
    await().until(() -> load() == 2);

    keepAlive();
    // the same report again, in one batch with the completion of the third task
    send(done, report(marker, 1, true, t, "marker"));
    awaitState(marker, "COMPLETED");
    JsonObject again = task(completed);
    assertEquals("COMPLETED", again.getString("state"), again.toString());
    assertEquals("done", again.getString("result"));
    assertEquals(recorded.getJsonArray("events"), again.getJsonArray("events"));
    loadStays(1, "only the third task's slot freed: the repeated report freed the holder's");

    send(report(holder, 1, true, t, "holder"));
    awaitState(holder, "COMPLETED");
  }

  /** Waits until each task is allocated to the test's server, holding a slot there. */
  void allocated(long... ids) {
    for (long id : ids) {
      assertEquals(server, awaitState(id, "ALLOCATED").getString("server"));
    }
    await().until(() -> load() == ids.length);
  }

  /** Registers the test's server, or tells tier 2 it is still there (liveness). */
  void keepAlive() {
    ServerRegistration self =
        new ServerRegistration(
            server,
            "tier2-a",
            3,
            Set.of(application),
            100,
            100,
            "zone-replay",
            Map.of(),
            Instant.now(),
            node);
    try (JMSContext context = factory.createContext()) {
      context
          .createProducer()
          .send(registration, MessageCodec.toJson(new ServerUpdates(List.of(self))));
    }
    await()
        .until(
            () ->
                registry.servers().stream()
                    .anyMatch(s -> s.name().equals(server) && s.state().equals("UP")));
  }

  String task(int maxRetries) {
    return Json.createObjectBuilder()
        .add("application", application)
        .add("input", "x")
        .add("user", "replay-it")
        .add("client", "replay-it")
        .add("maxRetries", maxRetries)
        .build()
        .toString();
  }

  JsonObject task(long id) {
    return api.get("/api/tasks/" + id).json();
  }

  /** A report as the test's server's node sends it. */
  StatusReport report(long id, int attempt, boolean completed, Instant at, String result) {
    return new StatusReport(id, attempt, server, completed, at, at.plusMillis(5), result, node);
  }

  void send(StatusReport... reports) {
    try (JMSContext context = factory.createContext()) {
      context.createProducer().send(status, MessageCodec.toJson(new StatusBatch(List.of(reports))));
    }
  }

  int load() {
    return registry.servers().stream()
        .filter(s -> s.name().equals(server))
        .findFirst()
        .orElseThrow()
        .load();
  }

  /** The server's load reaches {@code expected} and stays there for a second. */
  void loadStays(int expected, String otherwise) {
    await()
        .alias(otherwise)
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(10))
        .until(() -> load() == expected);
  }

  /**
   * What Switchboard logs about reports it ignores (at FINE), collected while the test runs. On the
   * package's logger, so that it does not depend on which class inside says it.
   */
  static final class Ignored extends Handler implements AutoCloseable {

    final Logger logger = Logger.getLogger("dev.switchboard");
    final Level level = logger.getLevel();
    final List<String> messages = new CopyOnWriteArrayList<>();
    final SimpleFormatter formatter = new SimpleFormatter();

    Ignored() {
      setLevel(Level.FINE);
      logger.setLevel(Level.FINE);
      logger.addHandler(this);
    }

    void awaitSaid(String start) {
      try {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> messages.stream().anyMatch(m -> m.startsWith(start)));
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("no log record starts '" + start + "'; said: " + messages, e);
      }
    }

    @Override
    public void publish(LogRecord record) {
      String message = formatter.formatMessage(record);
      if (message != null && message.contains(" ignored")) {
        messages.add(message);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
      logger.setLevel(level);
    }
  }
}
