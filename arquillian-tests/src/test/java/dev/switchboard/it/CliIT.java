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

  /** A task that waits PENDING: no server is in its zone. */
  long waitingTaskOf(String user) {
    ApiClient.Answer created =
        api.post(
            "/api/tasks",
            jakarta.json.Json.createObjectBuilder()
                .add("application", "sha256")
                .add("input", "never")
                .add("user", user)
                .add("client", "cli-it")
                .add("requirements", "server.zone == 'nowhere'")
                .build()
                .toString());
    assertEquals(201, created.status(), created.raw().body());
    long id = created.json().getJsonNumber("id").longValue();
    awaitState(id, "PENDING");
    return id;
  }

  @Test
  void listShowsAWaitingTaskAndWhyItWaits() throws Exception {
    String user = "wanda-" + System.nanoTime();
    long id = waitingTaskOf(user);
    Run table = cli("--rest", ApiClient.BASE, "list", "--user", user, "--state", "PENDING");
    assertEquals(0, table.exit(), table.out() + table.err());
    List<String> lines = table.out().lines().toList();
    // numbers are right-aligned: the ID column may start with spaces
    assertTrue(lines.get(0).matches(" *ID +USER +APP +STATE +SERVER +AGE +REASON"), lines.get(0));
    assertEquals(2, lines.size(), table.out());
    assertTrue(
        lines.get(1).matches(" *" + id + " +" + user + " +sha256 +PENDING +- +\\d+:\\d\\d +\\S.*"),
        lines.get(1));

    Run json = cli("--rest", ApiClient.BASE, "--output", "json", "list", "--user", user);
    assertEquals(0, json.exit(), json.out() + json.err());
    jakarta.json.JsonObject task =
        jakarta.json.Json.createReader(new java.io.StringReader(json.out()))
            .readArray()
            .getJsonObject(0);
    assertEquals(id, task.getJsonNumber("id").longValue());
    assertTrue(task.getString("reason").contains("excluded by requirements"), task.toString());

    Run bad = cli("--rest", ApiClient.BASE, "list", "--state", "DONE");
    assertEquals(4, bad.exit(), bad.out() + bad.err());
    assertTrue(bad.err().contains("state: unknown state 'DONE'"), bad.err());
  }

  @Test
  void cancelByIdsGoesOnPastAnEndedTaskAndByFilterCountsFirst() throws Exception {
    String user = "otto-" + System.nanoTime();
    long first = waitingTaskOf(user);
    long second = waitingTaskOf(user);
    long ended = api.submitSha256("done already", user).json().getJsonNumber("id").longValue();
    awaitState(ended, "COMPLETED");

    Run byIds = cli("--rest", ApiClient.BASE, "cancel", "" + ended, "" + first);
    assertEquals(1, byIds.exit(), byIds.out() + byIds.err());
    assertTrue(byIds.out().contains("task " + first + " CANCELLED"), byIds.out());
    assertTrue(byIds.out().contains("cancelled 1 of 2"), byIds.out());
    assertTrue(
        byIds
            .err()
            .contains("task " + ended + " not cancelled: task " + ended + " has already ended"),
        byIds.err());
    assertEquals("CANCELLED", api.get("/api/tasks/" + first).json().getString("state"));

    Run byFilter = cli("--rest", ApiClient.BASE, "cancel", "--user", user, "--yes");
    assertEquals(0, byFilter.exit(), byFilter.out() + byFilter.err());
    assertTrue(byFilter.out().startsWith("1 tasks match state="), byFilter.out());
    assertTrue(byFilter.out().contains("cancelled 1 of 1"), byFilter.out());
    assertEquals("CANCELLED", api.get("/api/tasks/" + second).json().getString("state"));
    assertEquals("COMPLETED", api.get("/api/tasks/" + ended).json().getString("state"));

    Run viewer =
        cliAs(
            ApiClient.VIEWER,
            ApiClient.VIEWER_PASSWORD,
            "--rest",
            ApiClient.BASE,
            "cancel",
            "" + second);
    assertEquals(4, viewer.exit(), viewer.out() + viewer.err());
  }

  @Test
  void explainSaysWhatExcludedEveryServerOverBothProtocols() throws Exception {
    long id = waitingTaskOf("ezra-" + System.nanoTime());
    for (String[] protocol :
        List.of(new String[] {"--rest", ApiClient.BASE}, new String[] {"--iiop", IIOP})) {
      Run run = cli(protocol[0], protocol[1], "explain", "" + id);
      assertEquals(0, run.exit(), protocol[0] + ": " + run.out() + run.err());
      assertTrue(run.out().startsWith("task " + id + " "), run.out());
      assertTrue(
          run.out().lines().anyMatch(l -> l.matches("requirements +[1-9]\\d*")),
          protocol[0] + ": no count for the requirements: " + run.out());
    }
    Run json = cli("--rest", ApiClient.BASE, "explain", "" + id, "-o", "json");
    assertEquals(0, json.exit(), json.out() + json.err());
    assertTrue(
        jakarta.json.Json.createReader(new java.io.StringReader(json.out()))
                .readObject()
                .getJsonObject("excluded")
                .getInt("requirements")
            > 0,
        json.out());
    Run missing = cli("--rest", ApiClient.BASE, "explain", "999999999");
    assertEquals(4, missing.exit(), missing.out() + missing.err());
  }

  @Test
  void distributorsListsBothTiersAndNeedsRest() throws Exception {
    Run table = cli("--rest", ApiClient.BASE, "distributors");
    assertEquals(0, table.exit(), table.out() + table.err());
    List<String> lines = table.out().lines().toList();
    assertTrue(
        lines.get(0).matches("NAME +TIER +POS +STATE +QUEUED +LIMIT +SERVERS.*"), lines.get(0));
    for (String name : List.of("FrontPool1", "tier2-a", "tier2-b")) {
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith(name + " ")),
          name + " not listed: " + table.out());
    }
    Run csv = cli("--rest", ApiClient.BASE, "distributors", "-o", "csv");
    assertEquals(0, csv.exit(), csv.out() + csv.err());
    assertTrue(
        csv.out().lines().findFirst().orElse("").startsWith("name,tier,position,state"), csv.out());
    Run overIiop = cli("--iiop", IIOP, "distributors");
    assertEquals(2, overIiop.exit(), overIiop.out() + overIiop.err());
  }

  @Test
  void serversListsTheEmbeddedServersAndNeedsRest() throws Exception {
    Run table = cli("--rest", ApiClient.BASE, "servers");
    assertEquals(0, table.exit(), table.out() + table.err());
    List<String> lines = table.out().lines().toList();
    assertTrue(
        lines.get(0).matches("NAME +STATE +SLOTS +USED/FREE +ZONE +APPLICATIONS +LAST-HEARD"),
        lines.get(0));
    for (String name : List.of("local-1", "local-2", "local-3")) {
      assertTrue(
          lines.stream()
              .anyMatch(l -> l.matches(name + " +\\S+ +\\d+ +\\d+/\\d+ +\\S+ +\\S+ +[\\d:-]+")),
          name + " not listed: " + table.out());
    }
    Run csv = cli("--rest", ApiClient.BASE, "servers", "-o", "csv");
    assertEquals(0, csv.exit(), csv.out() + csv.err());
    assertEquals(
        "name,state,slots,used,zone,applications,lastHeardAt",
        csv.out().lines().findFirst().orElse(""));

    Run overIiop = cli("--iiop", IIOP, "servers");
    assertEquals(2, overIiop.exit(), overIiop.out() + overIiop.err());
    assertTrue(overIiop.err().contains("servers needs --rest URL"), overIiop.err());
  }
}
