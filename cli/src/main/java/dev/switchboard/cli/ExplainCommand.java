package dev.switchboard.cli;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code explain ID}, as condor_q -better-analyze: why the matcher chose the task's server, or why
 * no server fits (how many servers each criterion excluded, the ones that came closest and what
 * they lacked, the winner's score). Over REST and remote EJB alike; an unknown id is exit code 4.
 */
@Command(
    name = "explain",
    description = "Explain why the task's server was chosen, or why no server fits.")
class ExplainCommand implements Callable<Integer> {

  @ParentCommand Switchboard parent;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The task's id.")
  long id;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "json: the explanation as Switchboard keeps it; otherwise text.")
  Listing.Format output;

  @Override
  public Integer call() {
    try (Gateway gateway = parent.gateway()) {
      String explanation = gateway.explanation(id);
      if (explanation == null) {
        return Switchboard.noSuchTask(spec, id);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (parent.output(output) == Listing.Format.JSON) {
        out.println(explanation.strip());
      } else {
        try (JsonReader reader = Json.createReader(new StringReader(explanation))) {
          out.print(ExplanationText.of(id, reader.readObject()));
        }
      }
      out.flush();
      return 0;
    }
  }
}
