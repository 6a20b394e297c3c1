package dev.switchboard.cli;

import dev.switchboard.api.TaskReceipt;
import dev.switchboard.api.TaskRequest;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Submits one or many tasks, shows progress, and optionally waits until they end. */
@Command(name = "submit", description = "Submit tasks; with --count, a batch with progress.")
class SubmitCommand implements Callable<Integer> {

  @ParentCommand Switchboard parent;

  @Spec CommandSpec spec;

  @Mixin TaskOptions task;

  @Option(
      names = {"-n", "--count"},
      defaultValue = "1",
      description = "How many tasks to submit.")
  int count;

  @Option(
      names = {"-w", "--wait"},
      description = "Wait until every task has ended.")
  boolean await;

  @Option(
      names = "--timeout",
      defaultValue = "120",
      description = "Seconds to wait with --wait (default ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    if (count < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count must be >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Long> ids = new ArrayList<>();
    try (Gateway gateway = parent.gateway()) {
      TaskRequest request = task.request();
      Progress progress = new Progress(err, "submitted", count);
      for (int i = 0; i < count; i++) {
        TaskReceipt receipt = gateway.submit(request);
        ids.add(receipt.id());
        if (count == 1) {
          out.printf(
              "task %d %s by %s%s, queued for %s%n",
              receipt.id(),
              receipt.state(),
              receipt.pool(),
              receipt.skipped().isEmpty() ? "" : " (skipped " + receipt.skipped() + ")",
              receipt.tier2());
        }
        progress.step(i + 1);
      }
      progress.done();
      if (count > 1) {
        out.printf(
            "submitted %d tasks, ids %d..%d%n", ids.size(), ids.get(0), ids.get(ids.size() - 1));
      }
      return await ? awaitAll(gateway, ids, out, err) : 0;
    }
  }

  private int awaitAll(Gateway gateway, List<Long> ids, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(timeoutSeconds));
    List<Long> open = new ArrayList<>(ids);
    int failed = 0;
    Progress progress = new Progress(err, "ended", ids.size());
    while (!open.isEmpty()) {
      for (Long id : List.copyOf(open)) {
        TaskStatus status = gateway.status(id);
        if (status != null && status.isFinal()) {
          open.remove(id);
          if (!status.state().equals("COMPLETED")) {
            failed++;
          }
          if (ids.size() == 1 || !status.state().equals("COMPLETED")) {
            out.printf(
                "task %d %s on %s: %s%n", id, status.state(), status.server(), status.result());
          }
        }
      }
      progress.step(ids.size() - open.size());
      if (open.isEmpty()) {
        break;
      }
      if (Instant.now().isAfter(deadline)) {
        progress.done();
        out.printf(
            "%d of %d tasks had not ended after %d s%n", open.size(), ids.size(), timeoutSeconds);
        return Switchboard.FAILED;
      }
      Thread.sleep(200); // polling interval of a waiting client, not a test
    }
    progress.done();
    if (ids.size() > 1) {
      out.printf("%d completed, %d failed%n", ids.size() - failed, failed);
    }
    return failed == 0 ? 0 : Switchboard.FAILED;
  }
}
