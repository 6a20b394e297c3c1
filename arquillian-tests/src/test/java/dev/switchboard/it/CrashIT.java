package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 of the Payara server with 5,000 tasks in flight, then a restart: every task reaches a
 * final state, none is lost, and none ends twice (exactly one terminal event in its history, and
 * the attempt that ended is the task's current one).
 */
@ExtendWith(ArquillianExtension.class)
class CrashIT {

  static final int TASKS = 5_000;
  static final int BATCH = 200;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.switchboard();
  }

  @Test
  void aKilledServerLosesNoTaskAndEndsNoneTwice() throws Exception {
    List<Long> ids = InFlight.submitSleeps(TASKS, BATCH, "crash");
    long ended = InFlight.ended(ids);
    assertTrue(ended < TASKS, "all tasks ended before the crash; nothing was in flight");

    killAndRestart();

    Map<Long, String> states =
        await()
            .atMost(Duration.ofMinutes(10))
            .pollInterval(Duration.ofSeconds(3))
            .until(() -> InFlight.states(ids), s -> InFlight.allEnded(s, TASKS));
    assertEquals(TASKS, states.size(), "tasks lost");
    long completed = states.values().stream().filter("COMPLETED"::equals).count();
    System.out.println(
        "CrashIT: "
            + ended
            + " of "
            + TASKS
            + " had ended at the kill; after the restart "
            + completed
            + " completed, "
            + (TASKS - completed)
            + " failed or cancelled");
    assertEquals(TASKS, completed, "every task completes (sleep cannot fail): " + states);
    InFlight.assertEachEndedOnce(ids);
  }

  /** SIGKILL to the domain's JVM, then asadmin start-domain; waits for the API to answer. */
  static void killAndRestart() throws Exception {
    String payara = System.getProperty("switchboard.payaraHome");
    String domain = System.getProperty("switchboard.domain", "switchboard-it");
    Path pidFile = Path.of(payara, "glassfish", "domains", domain, "config", "pid");
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    assertEquals(0, new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor());
    server.onExit().get(60, TimeUnit.SECONDS);
    startDomain("start-domain");
  }

  /** asadmin stop-domain (graceful), then start-domain; waits for the API to answer. */
  static void restart() throws Exception {
    String payara = System.getProperty("switchboard.payaraHome");
    String domain = System.getProperty("switchboard.domain", "switchboard-it");
    Process stop =
        new ProcessBuilder(payara + "/bin/asadmin", "--interactive=false", "stop-domain", domain)
            .redirectErrorStream(true)
            .redirectOutput(File.createTempFile("stop", ".log"))
            .start();
    assertTrue(stop.waitFor(5, TimeUnit.MINUTES), "the domain did not stop");
    assertEquals(0, stop.exitValue(), "asadmin stop-domain failed");
    startDomain("start-domain");
  }

  private static void startDomain(String command) throws Exception {
    String payara = System.getProperty("switchboard.payaraHome");
    String domain = System.getProperty("switchboard.domain", "switchboard-it");
    Process start =
        new ProcessBuilder(
                payara + "/bin/asadmin", "--interactive=false", command, "--timeout", "300", domain)
            .redirectErrorStream(true)
            .redirectOutput(File.createTempFile("restart", ".log"))
            .start();
    assertTrue(start.waitFor(6, TimeUnit.MINUTES), "the domain did not restart");
    assertEquals(0, start.exitValue(), "asadmin " + command + " failed");
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(() -> new ApiClient(null, null).get("/api/health").status() == 200);
  }
}
