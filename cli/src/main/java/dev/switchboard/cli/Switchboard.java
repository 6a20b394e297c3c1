package dev.switchboard.cli;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.PoolSearch;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard [--iiop host:port,... | --rest URL] [--pools P1,P2] submit|status ...}: the
 * command-line client. By default it speaks remote EJB to {@code localhost:3700}.
 */
@Command(
    name = "switchboard",
    mixinStandardHelpOptions = true,
    version = "switchboard-cli 0.1",
    description = "Submits tasks to Switchboard and follows them.",
    subcommands = {SubmitCommand.class, StatusCommand.class, LoadCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (every task completed, when waiting)",
      "1:a task failed or was cancelled",
      "2:bad command line",
      "3:Switchboard did not answer, or no pool accepted",
      "4:Switchboard rejected the request, or the credentials"
    })
public class Switchboard implements Runnable {

  static final int FAILED = 1;
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

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "name a command: submit, status or load");
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
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("switchboard: " + e.getMessage());
              if (e instanceof Gateway.Rejected) {
                return REJECTED;
              }
              return e instanceof Gateway.Unavailable ? UNAVAILABLE : FAILED;
            })
        .execute(args);
  }
}
