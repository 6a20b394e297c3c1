package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command-line client as a user runs it: a separate JVM speaking remote EJB over IIOP (or REST)
 * to the real server, searching the pools and the servers in order.
 */
class CliIT extends AsBuiltIT {

  static final String HELLO_SHA256 =
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
  static final String IIOP = "localhost:" + System.getProperty("switchboard.iiopPort", "28037");

  record Run(int exit, String out, String err) {}

  static Run cli(String... args) throws IOException, InterruptedException {
    ApiClient.ensureAccounts();
    return cliAs(ApiClient.OPERATOR, ApiClient.OPERATOR_PASSWORD, args);
  }

  static Run cliAs(String account, String password, String... args)
      throws IOException, InterruptedException {
    String payara = System.getProperty("switchboard.payaraHome");
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + "/bin/java");
    for (String open :
        List.of(
            "java.base/java.lang",
            "java.base/java.io",
            "java.base/java.util",
            "java.base/java.net",
            "java.base/java.nio",
            "java.base/sun.nio.ch",
            "java.base/jdk.internal.loader",
            "java.base/java.lang.reflect",
            "java.base/java.math",
            "java.base/java.time",
            "java.logging/java.util.logging",
            "java.naming/javax.naming.spi",
            "java.rmi/sun.rmi.transport",
            "java.management/javax.management",
            "java.management/javax.management.openmbean")) {
      command.add("--add-opens=" + open + "=ALL-UNNAMED");
    }
    command.add(
        "-Djava.security.auth.login.config="
            + payara
            + "/glassfish/lib/appclient/appclientlogin.conf");
    command.add("-cp");
    command.add(
        System.getProperty("switchboard.cliJar")
            + File.pathSeparator
            + payara
            + "/glassfish/lib/gf-client.jar");
    command.add("dev.switchboard.cli.Switchboard");
    command.addAll(List.of(args));
    File out = File.createTempFile("cli", ".out");
    File err = File.createTempFile("cli", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
    builder.environment().put("SWITCHBOARD_USER", account);
    builder.environment().put("SWITCHBOARD_PASSWORD", password);
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the CLI did not end within 180 s: " + command);
    }
    return new Run(
        process.exitValue(),
        java.nio.file.Files.readString(out.toPath(), StandardCharsets.UTF_8),
        java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  @Test
  void aTaskSubmittedOverIiopFromAnotherJvmCompletes() throws Exception {
    Run run =
        cli(
            "--iiop", IIOP, "submit", "-a", "sha256", "-i", "hello", "-u", "carla", "-c", "cli-it",
            "--wait");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("SUBMITTED by FrontPool1"), run.out());
    assertTrue(run.out().contains("COMPLETED on local-"), run.out());
    assertTrue(run.out().contains(HELLO_SHA256), run.out());
  }

  @Test
  void theClientFailsOverToTheNextServerAndPool() throws Exception {
    Run run =
        cli(
            "--iiop",
            "localhost:1," + IIOP,
            "--pools",
            "NoSuchPool,FrontPool2",
            "submit",
            "-a",
            "sha256",
            "-i",
            "hello",
            "--wait");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("SUBMITTED by FrontPool2"), run.out());
    assertTrue(run.out().contains("skipped [NoSuchPool: failed"), run.out());
  }

  @Test
  void whenNoServerAnswersTheClientSaysSoAndExits3() throws Exception {
    Run run = cli("--iiop", "localhost:1", "submit", "-a", "sha256", "-i", "x");
    assertEquals(3, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("no tier-1 pool accepted the task"), run.err());
    assertTrue(run.err().contains("no server answered (localhost:1: "), run.err());
  }

  @Test
  void aBatchOverRestShowsProgressAndWaits() throws Exception {
    Run run =
        cli(
            "--rest",
            ApiClient.BASE,
            "submit",
            "-a",
            "sha256",
            "-i",
            "batch",
            "-n",
            "25",
            "--wait");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("submitted 25 tasks"), run.out());
    assertTrue(run.out().contains("25 completed, 0 failed"), run.out());
    assertTrue(run.err().contains("25/25 submitted"), run.err());
    assertTrue(run.err().contains("25/25 ended"), run.err());
  }

  @Test
  void aViewerMayNotSubmitOverIiop() throws Exception {
    ApiClient.ensureAccounts();
    Run run =
        cliAs(
            ApiClient.VIEWER,
            ApiClient.VIEWER_PASSWORD,
            "--iiop",
            IIOP,
            "submit",
            "-a",
            "sha256",
            "-i",
            "x");
    assertEquals(4, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("account 'it-viewer' may not do this"), run.err());
  }

  @Test
  void aViewerMayReadOverIiopButAWrongPasswordIsRefused() throws Exception {
    Run submitted = cli("--iiop", IIOP, "submit", "-a", "sha256", "-i", "hello", "--wait");
    assertEquals(0, submitted.exit(), submitted.out() + submitted.err());
    String id = submitted.out().replaceAll("(?s)^task (\\d+) .*", "$1");
    Run read = cliAs(ApiClient.VIEWER, ApiClient.VIEWER_PASSWORD, "--iiop", IIOP, "status", id);
    assertEquals(0, read.exit(), read.out() + read.err());
    assertTrue(read.out().contains("COMPLETED"), read.out());
    Run refused = cliAs(ApiClient.VIEWER, "not-the-password", "--iiop", IIOP, "status", id);
    assertEquals(4, refused.exit(), refused.out() + refused.err());
    assertTrue(refused.err().contains("sign-in refused for 'it-viewer'"), refused.err());
  }

  @Test
  void withoutCredentialsTheClientSaysHowToGiveThem() throws Exception {
    Run run = cliAs("", "", "--rest", ApiClient.BASE, "status", "1");
    assertEquals(4, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("no credentials"), run.err());
  }
}
