package dev.switchboard.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code completion}: prints the bash completion script picocli generates from the commands and
 * options; zsh runs it through its bashcompinit, which the script loads itself. It completes the
 * command named {@code --name}, since the launcher may be installed under another name.
 */
@Command(
    name = "completion",
    description = "Print a bash/zsh completion script, e.g. source <(switchboard completion).")
class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--name",
      paramLabel = "COMMAND",
      defaultValue = "switchboard",
      description = "The command to complete (default ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash(name, spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
