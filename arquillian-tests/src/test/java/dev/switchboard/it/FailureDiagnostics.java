package dev.switchboard.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What the server was doing when a test failed, kept where the build's reports are: the domain's
 * thread dump and the database sessions that were not idle (PostgreSQL pass). Runs on the test side
 * only (the domain's directory is known there), at the moment of the failure, so a stall in CI
 * shows the threads that stalled; {@code scripts/ci-digest.sh} prints the short form.
 */
final class FailureDiagnostics implements TestWatcher {

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    String dir = System.getProperty("switchboard.diagnosticsDir");
    String log = System.getProperty("switchboard.serverLog");
    if (dir == null || log == null) {
      return; // inside the server, or run without the build's properties
    }
    String name = context.getRequiredTestClass().getSimpleName();
    name += context.getTestMethod().map(m -> "." + m.getName()).orElse("");
    Path domain = Path.of(log).getParent().getParent();
    StringBuilder out = new StringBuilder();
    out.append("# ").append(name).append(" failed at ").append(Instant.now()).append('\n');
    out.append("# ").append(String.valueOf(cause)).append("\n\n");
    try {
      String pid = Files.readString(domain.resolve("config/pid")).trim();
      out.append("## database sessions not idle\n");
      out.append(run(databaseSessions())).append('\n');
      out.append("## threads of the domain (pid ").append(pid).append(")\n");
      out.append(run(List.of("jcmd", pid, "Thread.print")));
    } catch (IOException | RuntimeException e) {
      out.append("(no diagnostics: ").append(e).append(")\n");
    }
    try {
      Path target = Path.of(dir);
      Files.createDirectories(target);
      Files.writeString(target.resolve(name + ".txt"), out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("Could not keep the diagnostics of " + name + ": " + e);
    }
  }

  /** psql as the cluster's owner, the way scripts/postgres.sh reaches it; nothing on H2. */
  private static List<String> databaseSessions() {
    if (!"postgres".equals(System.getProperty("switchboard.db"))) {
      return List.of("echo", "(H2)");
    }
    String sql =
        "SELECT pid, state, wait_event_type, wait_event, now() - xact_start AS in_tx,"
            + " left(query, 200) FROM pg_stat_activity"
            + " WHERE state <> 'idle' AND backend_type = 'client backend'";
    String psql = "psql -X -qtA -c \"" + sql + "\"";
    boolean root = "root".equals(System.getProperty("user.name"));
    return root
        ? List.of("su", "postgres", "-c", psql)
        : List.of("sudo", "-n", "su", "postgres", "-c", psql);
  }

  private static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      process.waitFor(30, TimeUnit.SECONDS);
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(" + command.get(0) + ": " + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }
}
