package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * list, cancel and servers against a stand-in for the REST API on a local port: the requests they
 * make, what they print in each format and their exit codes.
 */
class ListCancelServersTest extends StandInApi {

  static String task(long id, String user, String state, String server, String reason) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("application", "sha256")
        .add("user", user)
        .add("state", state)
        .add("server", server == null ? Json.createValue("") : Json.createValue(server))
        .add("reason", reason)
        .add("submittedAt", Instant.now().minusSeconds(65).toString())
        .build()
        .toString()
        .replace("\"server\":\"\"", "\"server\":null");
  }

  @Test
  void listAsksTheApiWithTheFiltersAndPrintsASqueueTable() {
    answers.put(
        "GET /switchboard/api/tasks?state=PENDING%2CRUNNING&user=ann&server=local-1&sort=-submittedAt&limit=2",
        new Answer(
            200,
            "["
                + task(12, "ann", "PENDING", null, "no server fits: 3 lack application x")
                + ","
                + task(9, "ann", "RUNNING", "local-1", "allocated")
                + "]",
            Map.of(
                "X-Total-Count",
                "7",
                "Link",
                "<"
                    + base
                    + "/api/tasks?limit=2&cursor=QUZU>; rel=\"next\", <"
                    + base
                    + "/api/tasks?limit=2>; rel=\"first\"")));
    Run run =
        cli(
            "list",
            "-t",
            "PENDING,RUNNING",
            "-u",
            "ann",
            "--server",
            "local-1",
            "--sort",
            "-submittedAt",
            "-n",
            "2");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("ID  USER  APP     STATE    SERVER   AGE   REASON", lines.get(0));
    // the tasks were submitted 65 s before the stand-in answered; a slow run adds a second or two
    assertTrue(
        lines
            .get(1)
            .matches(
                "12  ann   sha256  PENDING  -        1:0[5-7]  no server fits: 3 lack application x"),
        lines.get(1));
    assertTrue(
        lines.get(2).matches(" 9  ann   sha256  RUNNING  local-1  1:0[5-7]  -"),
        "no reason when running: " + lines.get(2));
    assertTrue(run.err().contains("2 of 7 tasks; more with --cursor QUZU"), run.err());
  }

  @Test
  void listAsCsvAndJsonCarriesInstantsAndWholeReasons() {
    String reason = "waits, \"politely\" " + "x".repeat(80);
    answers.put(
        "GET /switchboard/api/tasks?limit=50",
        new Answer(
            200, "[" + task(3, "bo", "PENDING", null, reason) + "]", Map.of("X-Total-Count", "1")));
    Run csv = cli("--output", "csv", "list");
    assertEquals(0, csv.code(), csv.err());
    List<String> lines = csv.out().lines().toList();
    assertEquals("id,user,application,state,server,submittedAt,reason", lines.get(0));
    assertTrue(
        lines.get(1).matches("3,bo,sha256,PENDING,,\\d{4}-.*Z,\"waits, \"\"politely\"\" x{80}\""),
        lines.get(1));
    Run json = cli("--output", "csv", "list", "-o", "JSON");
    assertEquals(0, json.code(), json.err());
    JsonObject task = Json.createReader(new StringReader(json.out())).readArray().getJsonObject(0);
    assertEquals(3, task.getInt("id"));
    assertEquals(reason, task.getString("reason"));
    assertTrue(task.isNull("server"));
    assertEquals("", json.err(), "everything on one page: no hint");
  }

  @Test
  void aParameterTheApiRefusesIsExit4WithItsMessage() {
    answers.put(
        "GET /switchboard/api/tasks?state=DONE&limit=50",
        Answer.json(400, "{\"error\":\"state: unknown state 'DONE'\",\"field\":\"state\"}"));
    Run run = cli("list", "--state", "DONE");
    assertEquals(Switchboard.REJECTED, run.code());
    assertTrue(run.err().contains("state: unknown state 'DONE'"), run.err());
  }

  @Test
  void serversPrintsASinfoTableSortedByName() {
    answers.put(
        "GET /switchboard/api/servers",
        Answer.json(
            200,
            "[{\"name\":\"local-2\",\"state\":\"UP\",\"slots\":4,\"load\":1,"
                + "\"applications\":[\"sort\",\"sha256\"],\"zone\":\"zone-b\","
                + "\"lastHeardAt\":\""
                + Instant.now().minusSeconds(3)
                + "\"},"
                + "{\"name\":\"gpu-1\",\"state\":\"DRAINING\",\"slots\":16,\"load\":16,"
                + "\"applications\":[],\"zone\":null,\"lastHeardAt\":null}]"));
    Run run = cli("servers");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(
        "NAME     STATE     SLOTS  USED/FREE  ZONE    APPLICATIONS  LAST-HEARD", lines.get(0));
    assertEquals("gpu-1    DRAINING     16  16/0       -       -             -", lines.get(1));
    assertTrue(
        lines.get(2).matches("local-2  UP            4  1/3        zone-b  sha256,sort   0:0[34]"),
        lines.get(2));
    Run json = cli("servers", "--output=json");
    JsonArray servers = Json.createReader(new StringReader(json.out())).readArray();
    assertEquals(16, servers.getJsonObject(0).getInt("used"));
    assertEquals(2, servers.getJsonObject(1).getJsonArray("applications").size());
  }

  @Test
  void cancellingSeveralIdsGoesOnPastOneThatEndedAndExits1() {
    answers.put(
        "DELETE /switchboard/api/tasks/5", Answer.json(200, "{\"id\":5,\"state\":\"CANCELLED\"}"));
    answers.put(
        "DELETE /switchboard/api/tasks/6",
        Answer.json(409, "{\"error\":\"task 6 has already ended: COMPLETED\",\"field\":\"id\"}"));
    answers.put(
        "DELETE /switchboard/api/tasks/7", Answer.json(200, "{\"id\":7,\"state\":\"RUNNING\"}"));
    Run run = cli("cancel", "5", "6", "7");
    assertEquals(Switchboard.FAILED, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("task 5 CANCELLED"), run.out());
    assertTrue(run.out().contains("cancelled 2 of 3"), run.out());
    assertTrue(
        run.err().contains("task 6 not cancelled: task 6 has already ended: COMPLETED"), run.err());
    assertEquals(3, requests.size(), "every id tried: " + requests);
  }

  @Test
  void cancellingByFilterCountsFollowsTheCursorAndAsksFirst() {
    String open = "SUBMITTED%2CFORWARDED%2CPENDING%2CALLOCATED%2CRUNNING";
    answers.put(
        "GET /switchboard/api/tasks?state=" + open + "&user=ann&sort=id&limit=500",
        new Answer(
            200,
            "[" + task(1, "ann", "PENDING", null, "r") + "]",
            Map.of(
                "X-Total-Count",
                "2",
                "Link",
                "<" + base + "/api/tasks?cursor=TkVYVA>; rel=\"next\"")));
    answers.put(
        "GET /switchboard/api/tasks?state=" + open + "&user=ann&sort=id&limit=500&cursor=TkVYVA",
        new Answer(
            200,
            "[" + task(2, "ann", "RUNNING", "local-1", "r") + "]",
            Map.of("X-Total-Count", "2")));
    answers.put("DELETE /switchboard/api/tasks/1", Answer.json(200, "{\"state\":\"CANCELLED\"}"));
    answers.put("DELETE /switchboard/api/tasks/2", Answer.json(200, "{\"state\":\"RUNNING\"}"));

    Run declined = cliWithInput("n\n", "cancel", "--user", "ann");
    assertEquals(Switchboard.FAILED, declined.code());
    assertTrue(
        declined.out().startsWith("2 tasks match state=" + open.replace("%2C", ",") + " user=ann"),
        declined.out());
    assertTrue(declined.err().contains("nothing cancelled"), declined.err());
    assertTrue(requests.stream().noneMatch(r -> r.startsWith("DELETE")), requests.toString());

    Run confirmed = cliWithInput("y\n", "cancel", "--user", "ann");
    assertEquals(0, confirmed.code(), confirmed.out() + confirmed.err());
    assertTrue(confirmed.out().contains("cancelled 2 of 2"), confirmed.out());
    assertTrue(requests.contains("DELETE /switchboard/api/tasks/2"), requests.toString());
  }

  @Test
  void listCancelAndServersOverIiopSayTheyNeedRestAndExit2() {
    for (String[] args :
        List.of(new String[] {"list"}, new String[] {"cancel", "1"}, new String[] {"servers"})) {
      Run run = overIiop(args);
      assertEquals(2, run.code(), run.err());
      assertTrue(run.err().contains(args[0] + " needs --rest URL"), run.err());
    }
  }

  @Test
  void badOptionsAreABadCommandLineAndAskNothing() {
    assertEquals(2, cli("list", "--limit", "0").code());
    assertEquals(2, cli("list", "--limit", "501").code());
    assertEquals(2, cli("list", "--offset", "-1").code());
    assertEquals(2, cli("list", "--output", "xml").code());
    assertEquals(2, cli("cancel").code(), "neither ids nor a filter");
    assertEquals(2, cli("cancel", "4", "--user", "ann").code(), "ids and a filter");
    assertEquals(2, cli("cancel", "--state", "PENDING,completed").code(), "an ended state");
    assertEquals(2, cli("cancel", "not-an-id").code());
    assertTrue(requests.isEmpty(), requests.toString());
  }

  @Test
  void theCommandsOwnOutputWinsOverTheGlobalOne() {
    Switchboard top = new Switchboard();
    CommandLine line = new CommandLine(top).setCaseInsensitiveEnumValuesAllowed(true);
    CommandLine.ParseResult parsed = line.parseArgs("-o", "csv", "list", "--output", "json");
    ListCommand list = (ListCommand) parsed.subcommand().commandSpec().userObject();
    assertEquals(Listing.Format.JSON, top.output(list.output));
    assertEquals(Listing.Format.CSV, top.output(null));
    assertEquals(Listing.Format.TABLE, new Switchboard().output(null));
  }

  @Test
  void listOptionsBecomeTheApisQueryParameters() {
    Switchboard top = new Switchboard();
    CommandLine.ParseResult parsed =
        new CommandLine(top)
            .parseArgs(
                "list",
                "--state",
                "PENDING",
                "--application",
                "sort",
                "--distributor",
                "tier2-b",
                "--since",
                "2026-11-26T08:00:00Z",
                "--before",
                "2026-11-27T00:00:00Z",
                "--text",
                "42",
                "--offset",
                "100",
                "-n",
                "10");
    ListCommand list = (ListCommand) parsed.subcommand().commandSpec().userObject();
    assertEquals(
        "?state=PENDING&application=sort&distributor=tier2-b&submittedFrom=2026-11-26T08%3A00%3A00Z"
            + "&submittedBefore=2026-11-27T00%3A00%3A00Z&text=42&limit=10&offset=100",
        RestGateway.queryString(list.query()));
  }
}
