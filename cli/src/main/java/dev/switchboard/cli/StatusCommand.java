package dev.switchboard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Shows a task's state, server and result. */
@Command(name = "status", description = "Show a task's state, server and result.")
class StatusCommand implements Callable<Integer> {

  @ParentCommand Switchboard parent;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The task's id.")
  long id;

  @Override
  public Integer call() {
    try (Gateway gateway = parent.gateway()) {
      TaskStatus status = gateway.status(id);
      if (status == null) {
        return Switchboard.noSuchTask(spec, id);
      }
      spec.commandLine()
          .getOut()
          .printf(
              "task %d %s on %s: %s%n",
              status.id(), status.state(), status.server(), status.result());
      return 0;
    }
  }
}
