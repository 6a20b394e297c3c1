package dev.switchboard.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What the server was doing when a test failed, kept where the build's reports are: the database
 * sessions that were not idle (PostgreSQL pass) and the domain's thread dump. Runs on the test side
 * only (the build sets {@code switchboard.diagnosticsDir} there, not in the server), at the moment
 * of the failure, so a stall in CI shows the threads that stalled; {@code scripts/ci-digest.sh}
 * prints the short form.
 */
final class FailureDiagnostics implements TestWatcher {

  /** How long the thread dump may take before it is given up. */
  private static final long DUMP_SECONDS = 60;

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    String dir = System.getProperty("switchboard.diagnosticsDir");
    if (dir == null) {
      return; // inside the server, or run without the build's properties
    }
    String name = context.getRequiredTestClass().getSimpleName();
    name += context.getTestMethod().map(m -> "." + m.getName()).orElse("");
    try {
      Path file = Files.createDirectories(Path.of(dir)).resolve(name + ".txt");
      String head =
          "# "
              + name
              + " failed at "
              + Instant.now()
              + "\n# "
              + cause
              + "\n\n"
              + "## database sessions not idle\n"
              + databaseSessions()
              + "\n";
      Files.writeString(file, head, StandardCharsets.UTF_8);
      appendThreadDump(file);
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not keep the diagnostics of " + name + ": " + e);
    }
  }

  /**
   * The sessions of the domain's database that were doing something, seen from a session of ours.
   */
  private static String databaseSessions() {
    if (!Faults.postgres()) {
      return "(H2)\n";
    }
    String sql =
        "SELECT pid, state, wait_event_type, wait_event, now() - xact_start, left(query, 200)"
            + " FROM pg_stat_activity WHERE datname = current_database()"
            + " AND pid <> pg_backend_pid() AND state <> 'idle'";
    StringBuilder rows = new StringBuilder();
    try (Connection db = Faults.database();
        Statement statement = db.createStatement()) {
      statement.setQueryTimeout(30);
      try (ResultSet row = statement.executeQuery(sql)) {
        while (row.next()) {
          for (int column = 1; column <= 6; column++) {
            rows.append(column > 1 ? "|" : "").append(row.getString(column));
          }
          rows.append('\n');
        }
      }
    } catch (SQLException | IOException e) {
      rows.append("(no sessions: ").append(e).append(")\n");
    }
    return rows.toString();
  }

  /** The domain's threads ({@code jcmd Thread.print}), written straight to the end of the file. */
  private static void appendThreadDump(Path file) throws IOException {
    long pid = Faults.domainPid();
    Files.writeString(
        file,
        "## threads of the domain (pid " + pid + ")\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Process jcmd =
        new ProcessBuilder("jcmd", Long.toString(pid), "Thread.print")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile()))
            .start();
    try {
      if (!jcmd.waitFor(DUMP_SECONDS, TimeUnit.SECONDS)) {
        jcmd.destroyForcibly();
      }
    } catch (InterruptedException e) {
      jcmd.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
