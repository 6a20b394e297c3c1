package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * The doors of the deployed domain, tried from outside as a stranger on the same host would: the
 * admin port, JMX, the broker (as guest, as its default admin, as the worker account on a
 * destination it may not use), H2 over its auto-server port, Payara's own MicroProfile endpoints,
 * version banners, and slow HTTP clients against the health check. Each case asserts the refusal;
 * the health endpoints, the one open door, answer and say no more than which checks passed.
 */
class DoorsIT extends AsBuiltIT {

  private static final String PAYARA = System.getProperty("switchboard.payaraHome");
  private static final String DOMAIN = System.getProperty("switchboard.domain", "switchboard-it");
  private static final int HTTP_PORT = Integer.getInteger("switchboard.httpPort", 28080);
  private static final int PORT_BASE = HTTP_PORT - 80;
  private static final String BROKER = "mq://localhost:" + (PORT_BASE + 76) + "/";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void theAdminPortWantsThePasswordOfThisDomain() throws Exception {
    String url = "http://localhost:" + (PORT_BASE + 48) + "/management/domain";
    assertEquals(401, status(HttpRequest.newBuilder(URI.create(url)).GET().build()));
    String wrong = basic("admin", "admin");
    assertEquals(
        401,
        status(
            HttpRequest.newBuilder(URI.create(url)).header("Authorization", wrong).GET().build()));
    String right = basic("admin", Faults.secret("AS_ADMIN_PASSWORD"));
    assertEquals(
        200,
        status(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", right)
                .header("Accept", "application/json")
                .GET()
                .build()),
        "the right password must work, or the 401s above prove nothing");
  }

  @Test
  void jmxIsClosed() {
    JMXServiceURL url =
        assertDoesNotThrowValue(
            () ->
                new JMXServiceURL(
                    "service:jmx:rmi:///jndi/rmi://localhost:" + (PORT_BASE + 86) + "/jmxrmi"));
    Exception refused =
        assertThrows(Exception.class, () -> JMXConnectorFactory.connect(url).close());
    assertInstanceOf(IOException.class, refused, refused.toString());
  }

  @Test
  void theBrokerRefusesItsDefaultAccountsAndKeepsTheWorkerToItsQueues() throws Exception {
    ConnectionFactory factory = brokerFactory();
    for (String[] account : new String[][] {{"guest", "guest"}, {"admin", "admin"}}) {
      JMSRuntimeException refused =
          assertThrows(
              JMSRuntimeException.class,
              () -> factory.createContext(account[0], account[1]).close(),
              account[0] + " must not connect");
      assertInstanceOf(JMSSecurityRuntimeException.class, refused, refused.toString());
    }
    String worker = Faults.secret("switchboard.broker.worker.password");
    try (JMSContext context = factory.createContext("worker", worker)) {
      // the worker may report status (the application then checks the report itself) ...
      context.createProducer().send(context.createQueue("SwitchboardRegistration"), "not json");
      // ... but may not put tasks on a tier-2 queue nor read the tier-2 broadcasts
      Exception forward =
          assertThrows(
              Exception.class,
              () ->
                  context
                      .createProducer()
                      .send(context.createQueue("SwitchboardTier2A"), "{\"tasks\":[]}"));
      assertTrue(isSecurity(forward), forward.toString());
      Exception listen =
          assertThrows(
              Exception.class,
              () -> context.createConsumer(context.createTopic("SwitchboardTier2Status")).close());
      assertTrue(isSecurity(listen), listen.toString());
    }
  }

  @Test
  void h2WantsItsPasswordAndItsFilesAreTheOwnersOnly() throws Exception {
    assumeTrue(!"postgres".equals(System.getProperty("switchboard.db")), "H2 only");
    Path databases = Path.of(PAYARA, "glassfish", "domains", DOMAIN, "lib", "databases");
    String url =
        "jdbc:h2:" + databases.resolve("embedded_default") + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE";
    SQLException refused =
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "", "").close());
    assertTrue(refused.getMessage().toLowerCase().contains("password"), refused.getMessage());
    try (var db =
        DriverManager.getConnection(url, "switchboard", Faults.secret("switchboard.h2.password"))) {
      assertFalse(db.isClosed(), "the right password must work, or the refusal proves nothing");
    }
    // the database file itself (the lock file comes and goes with whoever opens the database)
    Path file = databases.resolve("embedded_default.mv.db");
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    assertTrue(
        permissions.stream().allMatch(p -> p.name().startsWith("OWNER")),
        file + " is " + permissions);
  }

  /**
   * The MicroProfile Health endpoints answer without credentials (load balancers and orchestrators
   * ask them) and say which of Switchboard's checks passed; they name no version or host.
   */
  @Test
  void theHealthEndpointsAreOpenAndNameEachCheck() {
    HealthProbe.Answer ready = HealthProbe.ask(HealthProbe.READY, "switchboard");
    assertEquals(200, ready.status(), ready.body());
    assertEquals("UP", ready.checkStatus(), ready.body());
    for (String check : List.of("broker", "database", "schema")) {
      assertEquals("UP", ready.data().getString(check, null), check + ": " + ready.body());
    }
    HealthProbe.Answer live = HealthProbe.ask(HealthProbe.LIVE, "switchboard-messaging");
    assertEquals(200, live.status(), live.body());
    assertEquals("UP", live.data().getString("broker", null), live.body());
    assertFalse(ready.body().contains("Payara"), ready.body());
  }

  @Test
  void payarasOwnEndpointsAndBannersTellStrangersNothing() throws Exception {
    for (String path : List.of("/metrics", "/openapi")) {
      int status =
          status(
              HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + path))
                  .GET()
                  .build());
      assertNotEquals(200, status, path);
    }
    for (String path :
        List.of("/switchboard/api/health", "/no-such-page", "/switchboard/api/tasks")) {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + path))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertNull(answer.headers().firstValue("X-Powered-By").orElse(null), path);
      String server = answer.headers().firstValue("Server").orElse("");
      assertFalse(server.toLowerCase().contains("payara"), path + ": Server " + server);
      assertFalse(answer.body().contains("Payara Server 6"), path + ": " + answer.body());
    }
  }

  /**
   * Forty clients that send a sign-in request's headers and then its body a byte at a time hold
   * their connections open while the health check is asked ten times; each answer comes within five
   * seconds. The HTTP pool had five threads: five such clients made health time out.
   */
  @Test
  void slowClientsDoNotStarveTheHealthCheck() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        Socket socket = new Socket("localhost", HTTP_PORT);
        socket.setSoTimeout(200);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /switchboard/login.xhtml HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100000\r\n\r\nlogin=")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(socket);
      }
      for (int round = 0; round < 10; round++) {
        for (Socket socket : slow) {
          socket.getOutputStream().write('x'); // the body goes on, slowly
        }
        long started = System.nanoTime();
        HttpResponse<String> health =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(ApiClient.BASE + "/api/health"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5);
      }
      // the fault was live: the slow requests were still being read, none had been answered
      int open = 0;
      for (Socket socket : slow) {
        if (stillWaiting(socket)) {
          open++;
        }
      }
      assertTrue(open >= 35, "only " + open + " of 40 slow requests were still open");
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  private static boolean stillWaiting(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      in.read(); // an answer, or the end of the stream: the server is done with this request
      return false;
    } catch (SocketTimeoutException nothingYet) {
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  private static boolean isSecurity(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JMSSecurityException || t instanceof JMSSecurityRuntimeException) {
        return true;
      }
      if (t instanceof JMSException || t instanceof JMSRuntimeException) {
        String message = String.valueOf(t.getMessage()).toLowerCase();
        if (message.contains("forbidden")
            || message.contains("not authorized")
            || message.contains("permission")
            || message.contains("access")) {
          return true;
        }
      }
    }
    return false;
  }

  /** OpenMQ's own client, from the server's mq/lib: the broker as any JMS client sees it. */
  private static ConnectionFactory brokerFactory() throws Exception {
    URL imq = Path.of(PAYARA, "mq", "lib", "imq.jar").toUri().toURL();
    ClassLoader loader = new URLClassLoader(new URL[] {imq}, DoorsIT.class.getClassLoader());
    Class<?> type = loader.loadClass("com.sun.messaging.ConnectionFactory");
    Object factory = type.getConstructor().newInstance();
    type.getMethod("setProperty", String.class, String.class)
        .invoke(factory, "imqAddressList", BROKER);
    return (ConnectionFactory) factory;
  }

  private static int status(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private interface Checked<T> {
    T get() throws Exception;
  }

  private static <T> T assertDoesNotThrowValue(Checked<T> supplier) {
    try {
      return supplier.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
