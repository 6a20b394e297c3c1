package dev.switchboard.it.ledger;

import dev.switchboard.fulfillment.control.RunContext;
import dev.switchboard.fulfillment.control.TaskApplication;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ledger}: sleeps the given milliseconds (0 to 60000), like {@code sleep}, and records the
 * run in the execution ledger: a {@code start} line before it sleeps and an {@code end} line when
 * it is done, each written straight to the file (a killed JVM loses no line it wrote), in no
 * transaction. Its result names the run, so a task's recorded outcome says which run it came from.
 * Only the integration tests deploy it ({@code Deployments}); the folder it writes to is a
 * class-path resource they package with it ({@link #FOLDER_RESOURCE}), so the test domain needs no
 * option of its own.
 *
 * <p>Lines are tab-separated: {@code start run task attempt server node epochMillis} and {@code end
 * run epochMillis}. Each JVM writes a file of its own, {@code runs-<jvm>.tsv}; a run's id is {@code
 * <jvm>/<n>}.
 */
@ApplicationScoped
public class LedgerApplication implements TaskApplication {

  public static final String NAME = "ledger";

  /** The resource, next to this class, whose text is the ledger's folder. */
  public static final String FOLDER_RESOURCE = "ledger-folder";

  static final String START = "start";
  static final String END = "end";
  static final String RESULT = "ledger run ";
  static final int MAX_MILLIS = 60_000;

  private final String jvm =
      ProcessHandle.current().pid() + "-" + Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong runs = new AtomicLong();
  private OutputStream file;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String inputs() {
    return "milliseconds, 0 to " + MAX_MILLIS;
  }

  @Override
  public String run(String input) {
    throw new IllegalStateException("the ledger records runs: it must be told which run this is");
  }

  @Override
  public String run(String input, RunContext run) {
    long millis = millis(input);
    String id = jvm + "/" + runs.incrementAndGet();
    append(
        START,
        id,
        run.taskId(),
        run.attempt(),
        run.server(),
        run.node(),
        System.currentTimeMillis());
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted after less than " + millis + " ms", e);
    }
    append(END, id, System.currentTimeMillis());
    return RESULT
        + id
        + ": task "
        + run.taskId()
        + " attempt "
        + run.attempt()
        + " on "
        + run.server()
        + ", slept "
        + millis
        + " ms";
  }

  private static long millis(String input) {
    try {
      long millis = Long.parseLong(input.trim());
      if (millis >= 0 && millis <= MAX_MILLIS) {
        return millis;
      }
    } catch (NumberFormatException e) {
      // the message below says what it takes
    }
    throw new IllegalArgumentException(
        NAME + " needs a whole number from 0 to " + MAX_MILLIS + ", got '" + input + "'");
  }

  /** One line, in one write to the file: nothing buffered in this JVM. */
  private synchronized void append(Object... fields) {
    StringBuilder line = new StringBuilder();
    for (Object field : fields) {
      line.append(line.length() == 0 ? "" : "\t").append(field);
    }
    line.append('\n');
    try {
      if (file == null) {
        File folder = new File(folder());
        folder.mkdirs();
        file = new FileOutputStream(new File(folder, "runs-" + jvm + ".tsv"), true);
      }
      file.write(line.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("the ledger cannot write its line: " + line, e);
    }
  }

  private static String folder() throws IOException {
    try (InputStream in = LedgerApplication.class.getResourceAsStream(FOLDER_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "no " + FOLDER_RESOURCE + " next to " + LedgerApplication.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
