package dev.switchboard.it.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The execution ledger as the tests read it: every run {@link LedgerApplication} started, in any
 * JVM, with its task, attempt, server, node, start and (if it got there) end.
 */
public final class Ledger {

  /**
   * This test JVM's ledger folder, a new one for each run of the suite: the tests' domains are made
   * fresh, so task ids start again and must not meet an earlier run's lines.
   */
  private static final Path FOLDER =
      Path.of(System.getProperty("switchboard.ledgerDir", "target/ledger"))
          .resolve("run-" + System.currentTimeMillis())
          .toAbsolutePath();

  private static final Pattern NAMED_RUN =
      Pattern.compile("^" + Pattern.quote(LedgerApplication.RESULT) + "(\\S+):");

  /**
   * One run, its times in epoch milliseconds: {@code endedAt} is -1 for a run that never got to its
   * end line.
   */
  public record Run(
      String id,
      long taskId,
      int attempt,
      String server,
      String node,
      long startedAt,
      long endedAt) {

    public boolean ended() {
      return endedAt >= 0;
    }

    /** The JVM that ran it, as its id and its file name it. */
    public String jvm() {
      return id.substring(0, id.indexOf('/'));
    }

    /** Whether it was running at some moment from {@code from} to {@code to}. */
    public boolean runsDuring(Instant from, Instant to) {
      return startedAt <= to.toEpochMilli() && (!ended() || endedAt >= from.toEpochMilli());
    }

    Run withEnd(long end) {
      return new Run(id, taskId, attempt, server, node, startedAt, end);
    }
  }

  /** A task's outcome as the API shows it: its final attempt and its result. */
  public record Outcome(int attempt, String result) {}

  private final Map<String, Run> runs;

  private Ledger(Map<String, Run> runs) {
    this.runs = runs;
  }

  /** The folder the deployed application writes to (packaged with it) and this class reads. */
  public static Path folder() {
    return FOLDER;
  }

  /** The ledger as its files hold it now; empty while nothing has run. */
  public static Ledger read() {
    Map<String, Run> runs = new LinkedHashMap<>();
    if (!Files.isDirectory(FOLDER)) {
      return new Ledger(runs);
    }
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tsv")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          parse(runs, lines.get(i), file.getFileName() + ":" + (i + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ledger in " + FOLDER, e);
    }
    return new Ledger(runs);
  }

  /** A ledger of these lines, as one file would hold them. */
  static Ledger of(List<String> lines) {
    Map<String, Run> runs = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      parse(runs, lines.get(i), "line " + (i + 1));
    }
    return new Ledger(runs);
  }

  private static void parse(Map<String, Run> runs, String line, String where) {
    String[] f = line.split("\t");
    if (f[0].equals(LedgerApplication.START) && f.length == 7) {
      Run run =
          new Run(
              f[1],
              Long.parseLong(f[2]),
              Integer.parseInt(f[3]),
              f[4],
              f[5],
              Long.parseLong(f[6]),
              -1);
      if (runs.putIfAbsent(run.id(), run) != null) {
        throw new IllegalStateException(where + ": run " + run.id() + " started twice");
      }
    } else if (f[0].equals(LedgerApplication.END) && f.length == 3) {
      Run run = runs.get(f[1]);
      if (run == null || run.ended()) {
        throw new IllegalStateException(where + ": an end of a run not running: " + line);
      }
      runs.put(run.id(), run.withEnd(Long.parseLong(f[2])));
    } else {
      throw new IllegalStateException(where + ": not a ledger line: " + line);
    }
  }

  /** The runs of one task, in the order they started within each JVM. */
  public List<Run> runs(long taskId) {
    return runs.values().stream().filter(r -> r.taskId() == taskId).toList();
  }

  /** A run as the ledger holds it now. */
  public Optional<Run> run(String id) {
    return Optional.ofNullable(runs.get(id));
  }

  /** The runs of these tasks that have started and not ended. */
  public List<Run> inProgress(Collection<Long> tasks) {
    Set<Long> ours = new HashSet<>(tasks);
    return runs.values().stream().filter(r -> ours.contains(r.taskId()) && !r.ended()).toList();
  }

  /** The runs of these tasks that were running at some moment from {@code from} to {@code to}. */
  public List<Run> during(Collection<Long> tasks, Instant from, Instant to) {
    Set<Long> ours = new HashSet<>(tasks);
    return runs.values().stream()
        .filter(r -> ours.contains(r.taskId()) && r.runsDuring(from, to))
        .toList();
  }

  /** The run a result of {@link LedgerApplication} names. */
  public Optional<Run> runNamedBy(String result) {
    Matcher m = NAMED_RUN.matcher(result == null ? "" : result);
    return m.find() ? Optional.ofNullable(runs.get(m.group(1))) : Optional.empty();
  }

  /**
   * Checks each task's runs against its outcome: the outcome must be the report of one run of the
   * task's final attempt that ended, and no run may be of a later attempt. Every other run is a
   * re-run, which at-least-once execution allows: one cut short (it never ended: its JVM died, or
   * it was interrupted), one of the final attempt that completed again (its dispatch was
   * redelivered after it had ended; its outcome was not taken), one of an earlier attempt.
   */
  public Verdict verdict(Map<Long, Outcome> outcomes) {
    List<String> problems = new ArrayList<>();
    int cutShort = 0;
    int completedAgain = 0;
    int earlier = 0;
    for (Map.Entry<Long, Outcome> entry : outcomes.entrySet()) {
      long task = entry.getKey();
      Outcome outcome = entry.getValue();
      Run recorded = runNamedBy(outcome.result()).orElse(null);
      if (recorded == null || recorded.taskId() != task) {
        problems.add(
            "task " + task + ": its result names no run of it in the ledger: " + outcome.result());
      } else if (recorded.attempt() != outcome.attempt() || !recorded.ended()) {
        problems.add(
            "task " + task + " (attempt " + outcome.attempt() + ") took the report of " + recorded);
      }
      for (Run run : runs(task)) {
        if (run.equals(recorded)) {
          continue;
        }
        if (run.attempt() > outcome.attempt()) {
          problems.add("task " + task + " ran an attempt after its final one: " + run);
        } else if (run.attempt() < outcome.attempt()) {
          earlier++;
        } else if (run.ended()) {
          completedAgain++;
        } else {
          cutShort++;
        }
      }
    }
    return new Verdict(outcomes.size(), cutShort, completedAgain, earlier, problems);
  }

  /**
   * What {@link #verdict} found.
   *
   * @param tasks how many tasks it checked
   * @param cutShort runs of a final attempt that never ended
   * @param completedAgain runs of a final attempt that ended but whose outcome was not taken
   * @param earlierAttempts runs of an attempt before the task's final one
   * @param problems what breaks the contract, one line per task
   */
  public record Verdict(
      int tasks, int cutShort, int completedAgain, int earlierAttempts, List<String> problems) {

    /** Every re-run besides the one whose outcome each task took. */
    public int reRuns() {
      return cutShort + completedAgain + earlierAttempts;
    }

    /** Fails with the problems found, the first 20 of them named. */
    public void assertSound() {
      assertEquals(
          List.of(),
          problems.subList(0, Math.min(20, problems.size())),
          problems.size() + " of " + tasks + " tasks break the ledger's contract");
    }

    /** A line for the test's output. */
    public String summary(String test) {
      return test
          + " ledger: "
          + tasks
          + " tasks, "
          + (tasks - problems.size())
          + " with their outcome from one completed run of their final attempt; "
          + reRuns()
          + " re-runs besides ("
          + cutShort
          + " cut short, "
          + completedAgain
          + " of a final attempt completed again, "
          + earlierAttempts
          + " of earlier attempts)";
    }
  }
}
