package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code distributors}: the table, CSV and JSON, and its refusal over remote EJB. */
class DistributorsTest extends StandInApi {

  static final String DISTRIBUTORS = "GET /switchboard/api/distributors";

  /** Tier 1, a tier-2 distributor heard from three seconds ago, and one never heard from. */
  void answerThreeDistributors() {
    answers.put(
        DISTRIBUTORS,
        Answer.json(
            200,
            "[{\"name\":\"FrontPool1\",\"tier\":1,\"position\":1,\"state\":\"UP\",\"queueLimit\":0},"
                + "{\"name\":\"tier2-a\",\"tier\":2,\"position\":1,\"state\":\"DRAINING\","
                + "\"destination\":\"jms/switchboard/tier2-a\",\"queueLimit\":100,"
                + "\"lastStatus\":{\"name\":\"tier2-a\",\"healthy\":true,\"queueDepth\":7,"
                + "\"servers\":3,\"freeSlots\":5,\"measuredAt\":\""
                + Instant.now().minusSeconds(3)
                + "\",\"cause\":\"heartbeat\"}},"
                + "{\"name\":\"tier2-b\",\"tier\":2,\"position\":2,\"state\":\"DISABLED\","
                + "\"queueLimit\":10000}]"));
  }

  @Test
  void theTableShowsEachTierInSearchOrderWithQueueAgainstLimit() {
    answerThreeDistributors();
    Run run = cli("distributors");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(4, lines.size(), run.out());
    assertEquals(
        "NAME        TIER  POS  STATE     QUEUED  LIMIT  SERVERS  FREE  HEALTHY  LAST-HEARD",
        lines.get(0));
    assertEquals(
        "FrontPool1     1    1  UP        -       -      -        -     -        -", lines.get(1));
    assertTrue(
        lines
            .get(2)
            .matches(
                "tier2-a        2    1  DRAINING  7       100    3        5     yes      0:0[3-5]"),
        lines.get(2));
    assertEquals(
        "tier2-b        2    2  DISABLED  -       10000  -        -     -        -", lines.get(3));
    assertEquals(List.of(DISTRIBUTORS), requests);
  }

  @Test
  void csvAndJsonCarryTheFiguresAndTheInstant() {
    answerThreeDistributors();
    Run csv = cli("--output", "csv", "distributors");
    assertEquals(0, csv.code(), csv.err());
    List<String> lines = csv.out().lines().toList();
    assertEquals(
        "name,tier,position,state,queueDepth,queueLimit,servers,freeSlots,healthy,lastHeardAt",
        lines.get(0));
    assertEquals("FrontPool1,1,1,UP,,,,,,", lines.get(1));
    assertTrue(
        lines.get(2).matches("tier2-a,2,1,DRAINING,7,100,3,5,true,\\d{4}-.*Z"), lines.get(2));
    assertEquals("tier2-b,2,2,DISABLED,,10000,,,,", lines.get(3));

    Run json = cli("distributors", "-o", "json");
    JsonArray rows = Json.createReader(new StringReader(json.out())).readArray();
    assertEquals(7, rows.getJsonObject(1).getInt("queueDepth"));
    assertEquals(true, rows.getJsonObject(1).getBoolean("healthy"));
    assertTrue(rows.getJsonObject(2).isNull("lastHeardAt"));
  }

  @Test
  void overRemoteEjbItSaysItNeedsRestAndExits2() {
    Run run = overIiop("distributors");
    assertEquals(Switchboard.BAD_COMMAND_LINE, run.code(), run.err());
    assertTrue(run.err().contains("distributors needs --rest URL"), run.err());
  }
}
