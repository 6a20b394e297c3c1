package dev.switchboard.cli;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.PoolSearch;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code switchboard [--iiop host:port,... | --rest URL] [--pools P1,P2] [--output table|json|csv]
 * submit|status|explain|list|cancel|servers|distributors|load|completion ...}: the command-line
 * client. By default it speaks remote EJB to {@code localhost:3700}; list, cancel, servers and
 * distributors speak REST only.
 */
@Command(
    name = "switchboard",
    mixinStandardHelpOptions = true,
    version = "switchboard-cli 0.1",
    description =
        "Submits, follows, explains, lists and cancels Switchboard tasks; lists its servers and"
            + " distributors.",
    subcommands = {
      SubmitCommand.class,
      StatusCommand.class,
      ExplainCommand.class,
      ListCommand.class,
      CancelCommand.class,
      ServersCommand.class,
      DistributorsCommand.class,
      LoadCommand.class,
      CompletionCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (every task completed, when waiting)",
      "1:a task failed or was cancelled; cancel: a task could not be cancelled",
      "2:bad command line, or a command the chosen protocol cannot do",
      "3:Switchboard did not answer, or no pool accepted",
      "4:Switchboard rejected the request, or the credentials"
    })
public class Switchboard implements Runnable {

  static final int FAILED = 1;
  static final int BAD_COMMAND_LINE = 2;
  static final int UNAVAILABLE = 3;
  static final int REJECTED = 4;

  @Option(
      names = "--iiop",
      split = ",",
      paramLabel = "HOST:PORT",
      description = "Servers to try in order over remote EJB (default: localhost:3700).")
  List<String> iiop;

  @Option(
      names = "--rest",
      paramLabel = "URL",
      description = "Use the REST API at URL, e.g. http://localhost:8080/switchboard.")
  String rest;

  @Option(
      names = "--pools",
      paramLabel = "P1,P2",
      description = "Tier-1 pools in search order (default: ${DEFAULT-VALUE}).",
      defaultValue = Destinations.DEFAULT_POOLS)
  String pools;

  @Option(
      names = "--account",
      paramLabel = "NAME",
      description = "Account to sign in with (default: $SWITCHBOARD_USER).",
      defaultValue = "${env:SWITCHBOARD_USER}")
  String user;

  @Option(
      names = "--password",
      paramLabel = "PASSWORD",
      arity = "0..1",
      interactive = true,
      description =
          "Its password; without a value it is asked for (default: $SWITCHBOARD_PASSWORD).",
      defaultValue = "${env:SWITCHBOARD_PASSWORD}")
  char[] password;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "How list and servers print: table, json or csv (default: table).")
  Listing.Format output;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this),
        "name a command: submit, status, explain, list, cancel, servers, distributors, load or"
            + " completion");
  }

  /** Says that there is no task with the id; the exit code of an unknown id. */
  static int noSuchTask(CommandSpec spec, long id) {
    spec.commandLine().getErr().println("switchboard: no task with id " + id);
    return REJECTED;
  }

  /** Prints the listing in the command's own format, else the global one; exit code 0. */
  int print(CommandSpec spec, Listing listing, Listing.Format own) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(listing.render(output(own)));
    out.flush();
    return 0;
  }

  /** The command's own --output, else the global one, else a table. */
  Listing.Format output(Listing.Format own) {
    return own != null ? own : output != null ? output : Listing.Format.TABLE;
  }

  /**
   * The REST gateway for a command that only the REST API can do.
   *
   * @throws Gateway.Unsupported if the options ask for remote EJB
   */
  RestGateway rest(String command) {
    if (rest == null) {
      throw new Gateway.Unsupported(
          command
              + " needs --rest URL (e.g. --rest http://localhost:8080/switchboard): the remote EJB"
              + " API has no task list, cancellation, server or distributor list");
    }
    return (RestGateway) gateway();
  }

  /** The gateway the options ask for. */
  Gateway gateway() {
    if (rest != null && iiop != null) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--rest and --iiop exclude each other");
    }
    return rest != null ? restGateway() : iiopGateway();
  }

  Gateway restGateway() {
    return new RestGateway(rest, Credentials.of(user, password));
  }

  Gateway iiopGateway() {
    List<String> endpoints = iiop == null ? List.of("localhost:3700") : iiop;
    return new IiopGateway(endpoints, PoolSearch.parseOrder(pools), Credentials.of(user, password));
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return new CommandLine(new Switchboard())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("switchboard: " + e.getMessage());
              if (e instanceof Gateway.Rejected) {
                return REJECTED;
              }
              if (e instanceof Gateway.Unsupported) {
                return BAD_COMMAND_LINE;
              }
              return e instanceof Gateway.Unavailable ? UNAVAILABLE : FAILED;
            })
        .execute(args);
  }
}
