package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code explain ID}: what it asks, what it prints, and an unknown id. */
class ExplainTest extends StandInApi {

  static final String PENDING =
      "{\"outcome\":\"pending\",\"summary\":\"no server fits: 3 lack application x\","
          + "\"servers\":4,\"scanned\":4,\"feasible\":0,"
          + "\"excluded\":{\"application\":3,\"slots\":1},"
          + "\"closest\":[{\"server\":\"local-2\",\"lacked\":\"slots: needs 4, has 2 free\"}],"
          + "\"score\":{},\"oldestDataSeconds\":2.25,\"newestDataSeconds\":0.5,"
          + "\"decidedAt\":\"2026-12-03T07:00:00Z\"}";

  @Test
  void aPendingTaskSaysWhatExcludedTheServersAndWhoCameClosest() {
    answers.put("GET /switchboard/api/tasks/12/explain", Answer.json(200, PENDING));
    Run run = cli("explain", "12");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("task 12 pending: no server fits: 3 lack application x", lines.get(0));
    assertEquals("servers: 4 in the index, 4 scanned, 0 feasible", lines.get(1));
    assertTrue(lines.contains("CRITERION    EXCLUDED"), run.out());
    assertTrue(lines.contains("application         3"), run.out());
    assertTrue(lines.contains("local-2  slots: needs 4, has 2 free"), run.out());
    assertFalse(run.out().contains("TERM"), "no score without a winner: " + run.out());
    assertEquals(
        "attribute data 0.5 to 2.3 s old; decided at 2026-12-03T07:00:00Z",
        lines.get(lines.size() - 1));
  }

  @Test
  void anAllocatedTaskNamesItsServerAndScore() {
    answers.put(
        "GET /switchboard/api/tasks/7/explain",
        Answer.json(
            200,
            "{\"outcome\":\"allocated\",\"server\":\"local-1\",\"summary\":\"best of 2\","
                + "\"score\":{\"power\":0.5,\"total\":1.25}}"));
    Run run = cli("explain", "7");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("task 7 allocated to local-1: best of 2\n"), run.out());
    assertTrue(run.out().contains("total  1.250"), run.out());
  }

  @Test
  void asJsonItPrintsTheExplanationAsSwitchboardKeepsIt() {
    answers.put("GET /switchboard/api/tasks/12/explain", Answer.json(200, PENDING));
    Run run = cli("explain", "12", "-o", "json");
    assertEquals(0, run.code(), run.err());
    assertEquals(PENDING + "\n", run.out());
  }

  @Test
  void anUnknownIdIsExit4AndSaysSo() {
    answers.put(
        "GET /switchboard/api/tasks/99/explain",
        Answer.json(404, "{\"error\":\"no task with id 99\"}"));
    Run run = cli("explain", "99");
    assertEquals(Switchboard.REJECTED, run.code());
    assertEquals("switchboard: no task with id 99\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void overRemoteEjbItIsNotRefusedButTriesTheServers() {
    Run run = overIiop("explain", "12");
    assertEquals(Switchboard.UNAVAILABLE, run.code(), run.err());
    assertFalse(run.err().contains("needs --rest"), run.err());
  }
}
