package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code submit} sends to the REST API for the task options. */
class SubmitOptionsTest extends StandInApi {

  static final String SUBMIT = "POST /switchboard/api/tasks";

  static final String RECEIPT =
      "{\"id\":41,\"state\":\"FORWARDED\",\"pool\":\"FrontPool1\",\"skipped\":[],"
          + "\"tier2\":\"tier2-a\"}";

  JsonObject sent() {
    return Json.createReader(new StringReader(bodies.get(SUBMIT))).readObject();
  }

  @Test
  void leastPowerAndAttributesGoIntoTheJsonBody() {
    answers.put(SUBMIT, Answer.json(201, RECEIPT));
    Run run =
        cli(
            "submit",
            "-a",
            "sha256",
            "--min-power",
            "2.5",
            "--attribute",
            "gpu=a100",
            "--attribute",
            "note=x=y");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("task 41 FORWARDED by FrontPool1"), run.out());
    JsonObject body = sent();
    assertEquals(2.5, body.getJsonNumber("minPower").doubleValue());
    assertEquals(
        Json.createObjectBuilder().add("gpu", "a100").add("note", "x=y").build(),
        body.getJsonObject("attributes"));
    assertEquals(List.of(SUBMIT), requests);
  }

  @Test
  void withoutThemTheBodyAsksNoPowerAndNoAttributes() {
    answers.put(SUBMIT, Answer.json(201, RECEIPT));
    assertEquals(0, cli("submit", "-a", "sha256").code());
    JsonObject body = sent();
    assertEquals(0, body.getJsonNumber("minPower").doubleValue());
    assertTrue(body.getJsonObject("attributes").isEmpty(), body.toString());
  }

  @Test
  void anAttributeWithoutEqualsIsABadCommandLineAndSendsNothing() {
    Run run = cli("submit", "-a", "sha256", "--attribute", "gpu");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--attribute"), run.err());
    assertTrue(requests.isEmpty(), requests.toString());
  }

  @Test
  void anAttributeTheApiRefusesIsExit4WithItsMessage() {
    answers.put(
        SUBMIT, Answer.json(400, "{\"error\":\"attribute name 'bad name' is not a name\"}"));
    Run run = cli("submit", "-a", "sha256", "--attribute", "bad name=1");
    assertEquals(Switchboard.REJECTED, run.code());
    assertTrue(run.err().contains("attribute name 'bad name'"), run.err());
  }
}
