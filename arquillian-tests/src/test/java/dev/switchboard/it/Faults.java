package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks the IT domain's connections from outside, as a network or a restarted service would: the
 * database closes every session of the server; the broker closes every client connection.
 */
final class Faults {

  private static final String PAYARA = System.getProperty("switchboard.payaraHome");
  private static final String DOMAIN = System.getProperty("switchboard.domain", "switchboard-it");
  private static final String DB = System.getProperty("switchboard.db", "h2");
  private static final String JMS_PORT = System.getProperty("switchboard.jmsPort", "28076");
  // PostgreSQL as scripts/postgres.sh and the domain's pool (scripts/domain/postgres.asadmin) see
  // it: the same SB_PG_* variables and defaults
  private static final String PG_PORT = setting("SB_PG_PORT", "5432");
  private static final String PG_DATABASE = setting("SB_PG_DATABASE", "switchboard");
  private static final String PG_USER = setting("SB_PG_USER", "switchboard");
  private static final Pattern CONNECTION_ID =
      Pattern.compile("^(\\d{6,})\\s+\\S+\\s+(\\S+)", Pattern.MULTILINE);

  private Faults() {}

  /** An environment variable of the scripts, or its default when unset or empty. */
  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  /**
   * The IT domain's secrets file (scripts/domain.sh): Payara's, the broker's and H2's passwords.
   */
  static Path secrets() {
    return config().resolve("switchboard-secrets");
  }

  /** The IT domain's config folder, where its secrets and the first admin's password are. */
  static Path config() {
    return Path.of(PAYARA, "glassfish", "domains", DOMAIN, "config");
  }

  /** One entry of the IT domain's secrets file. */
  static String secret(String key) throws IOException {
    java.util.Properties properties = new java.util.Properties();
    try (var in = Files.newBufferedReader(secrets())) {
      properties.load(in);
    }
    return properties.getProperty(key);
  }

  /**
   * Closes every database session but this one: H2's {@code ABORT_SESSION} (over the AUTO_SERVER
   * port the IT domain opens, with the domain's H2 account) or PostgreSQL's {@code
   * pg_terminate_backend}.
   *
   * @return how many sessions were closed
   */
  static int dropDatabaseSessions() throws SQLException, IOException {
    String sql =
        postgres()
            ? "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()) t"
            : "SELECT COUNT(*) FROM (SELECT ABORT_SESSION(SESSION_ID) AS C"
                + " FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()) t WHERE C";
    try (Connection db = database();
        Statement statement = db.createStatement();
        ResultSet count = statement.executeQuery(sql)) {
      count.next();
      return count.getInt(1);
    }
  }

  /** Whether this pass runs on PostgreSQL (else on H2). */
  static boolean postgres() {
    return DB.equals("postgres");
  }

  /**
   * A connection of the test's own to the IT domain's database, as the domain's account: H2 over
   * the AUTO_SERVER port, or PostgreSQL.
   */
  static Connection database() throws SQLException, IOException {
    if (postgres()) {
      return DriverManager.getConnection(
          "jdbc:postgresql://localhost:" + PG_PORT + "/" + PG_DATABASE,
          PG_USER,
          secret("switchboard.pg.password"));
    }
    Path file = Path.of(PAYARA, "glassfish", "domains", DOMAIN, "lib", "databases");
    return DriverManager.getConnection(
        "jdbc:h2:" + file.resolve("embedded_default") + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE",
        "switchboard",
        secret("switchboard.h2.password"));
  }

  /**
   * The broker's client connections (the server's direct ones and any over TCP), as OpenMQ's own
   * {@code imqcmd} lists them.
   */
  static List<String> brokerConnections() throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    Matcher m = CONNECTION_ID.matcher(imqcmd("list", "cxn"));
    while (m.find()) {
      if (!m.group(2).equals("admin")) { // imqcmd's own, which ends when it exits
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  /**
   * Has the broker destroy these client connections, with {@code imqcmd}.
   *
   * @return how many connections were destroyed
   */
  static int dropBrokerConnections(List<String> ids) throws IOException, InterruptedException {
    int destroyed = 0;
    for (String id : ids) {
      // a connection listed a moment ago may have closed by itself since: not an error
      String out = imqcmdTolerating("No such connection", "destroy", "cxn", "-n", id, "-f");
      if (out.contains("Successfully destroyed")) {
        destroyed++;
      }
    }
    return destroyed;
  }

  private static String imqcmd(String... args) throws IOException, InterruptedException {
    return imqcmdTolerating(null, args);
  }

  /** Runs imqcmd; it must end with 0, or say {@code tolerated} when that is given. */
  private static String imqcmdTolerating(String tolerated, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(PAYARA + "/mq/bin/imqcmd");
    command.addAll(List.of(args));
    command.addAll(
        List.of("-b", "localhost:" + JMS_PORT, "-u", "admin", "-passfile", "" + secrets()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    if (tolerated == null || !out.contains(tolerated)) {
      assertEquals(0, process.exitValue(), "imqcmd " + String.join(" ", args) + ": " + out);
    }
    return out;
  }

  /** SIGKILL to the domain's JVM, sent from this JVM at once; returns once it is gone. */
  static void kill() throws Exception {
    long pid = domainPid();
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    assertTrue(server.destroyForcibly(), "no SIGKILL sent to " + pid);
    server.onExit().get(60, TimeUnit.SECONDS);
  }

  /** The process id of the IT domain's JVM, from the pid file Payara writes as it starts. */
  static long domainPid() throws IOException {
    return Long.parseLong(Files.readString(config().resolve("pid")).trim());
  }

  /** asadmin stop-domain (graceful), then start-domain; waits for the API to answer. */
  static void restart() throws Exception {
    asadmin(5, "stop-domain", DOMAIN);
    startDomain();
  }

  /** asadmin start-domain; waits for the API to answer. */
  static void startDomain() throws Exception {
    asadmin(6, "start-domain", "--timeout", "300", DOMAIN);
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(() -> new ApiClient(null, null).get("/api/health").status() == 200);
  }

  /** Runs an asadmin command on the IT domain; it must end within the minutes given, with 0. */
  private static void asadmin(int minutes, String... args) throws Exception {
    // under the umask scripts/domain.sh starts domains with: the files the server makes stay its
    // own
    List<String> command =
        new ArrayList<>(
            List.of(
                "bash",
                "-c",
                "umask 077; exec \"$0\" --interactive=false \"$@\"",
                PAYARA + "/bin/asadmin"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(File.createTempFile("asadmin", ".log"))
            .start();
    assertTrue(process.waitFor(minutes, TimeUnit.MINUTES), "asadmin " + args[0] + " did not end");
    assertEquals(0, process.exitValue(), "asadmin " + args[0] + " failed");
  }
}
