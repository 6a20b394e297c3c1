package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.ApiClient.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Attribute matching through the REST API on the real server: a user's stored preference routes a
 * task, a task nothing fits waits PENDING with an explanation and runs as soon as a matching server
 * registers, and an invalid expression is refused at submission with its position.
 */
class MatchingIT extends AsBuiltIT {

  @Test
  void aUsersStoredPreferenceRoutesTheTask() {
    Answer stored =
        api.put(
            "/api/users/zoe",
            "{\"priority\":3,\"preferredZones\":[\"zone-b\"],\"weights\":{\"zone\":1000}}");
    assertEquals(200, stored.status(), stored.raw().body());
    assertEquals("zone-b", stored.json().getJsonArray("preferredZones").getString(0));

    long id =
        submit(
            "{\"application\":\"sha256\",\"input\":\"pref\",\"user\":\"zoe\",\"client\":\"it\"}");
    JsonObject task = awaitState(id, "COMPLETED");
    assertEquals("local-2", task.getString("server"), "local-2 is the server in zone-b");
    assertEquals(3, task.getInt("priority"));
    JsonObject why = api.get("/api/tasks/" + id + "/explain").json();
    assertEquals("allocated", why.getString("outcome"));
    assertEquals(1000.0, why.getJsonObject("score").getJsonNumber("zone").doubleValue());
  }

  @Test
  void aPendingTaskRunsAsSoonAsAMatchingServerRegisters() {
    String requirement = "has(server.attributes.gpu) && server.attributes.gpu == 'a100'";
    long id =
        submit(
            Json.createObjectBuilder()
                .add("application", "sha256")
                .add("input", "gpu please")
                .add("user", "yuri")
                .add("client", "it")
                .add("requirements", requirement)
                .build()
                .toString());
    awaitState(id, "PENDING");
    JsonObject why = api.get("/api/tasks/" + id + "/explain").json();
    assertEquals("pending", why.getString("outcome"));
    assertTrue(why.getJsonObject("excluded").getInt("requirements") >= 3, why.toString());
    assertTrue(why.getString("summary").contains("excluded by requirements"), why.toString());
    assertTrue(!why.getJsonArray("closest").isEmpty(), why.toString());
    assertTrue(why.containsKey("oldestDataSeconds"), why.toString());

    Answer registered =
        api.post(
            "/api/servers",
            "{\"name\":\"it-gpu-1\",\"tier2\":\"tier2-b\",\"slots\":2,\"applications\":[\"sha256\"],"
                + "\"computingPower\":300,\"idlePower\":250,\"zone\":\"zone-g\","
                + "\"attributes\":{\"gpu\":\"a100\",\"cores\":64}}");
    assertEquals(200, registered.status(), registered.raw().body());
    try {
      JsonObject task = awaitState(id, "COMPLETED");
      assertEquals("it-gpu-1", task.getString("server"));
    } finally {
      assertEquals(200, api.post("/api/servers/it-gpu-1/disable", "").status());
    }
  }

  @Test
  void anInvalidExpressionIsRefusedWithItsPosition() {
    Answer refused =
        api.post(
            "/api/tasks",
            "{\"application\":\"sha256\",\"input\":\"x\",\"user\":\"u\",\"client\":\"c\","
                + "\"requirements\":\"server.zone ==\"}");
    assertEquals(400, refused.status());
    JsonObject error = refused.json();
    assertEquals("requirements", error.getString("field"));
    assertTrue(error.getString("error").contains("line 1, column 15"), error.toString());

    Answer wrongType =
        api.post(
            "/api/tasks",
            "{\"application\":\"sha256\",\"input\":\"x\",\"user\":\"u\",\"client\":\"c\","
                + "\"rank\":\"'high'\"}");
    assertEquals(400, wrongType.status());
    assertEquals("rank", wrongType.json().getString("field"));
  }

  @Test
  void profilesAreValidatedAndCanBeDeleted() {
    Answer bad = api.put("/api/users/vic", "{\"weights\":{\"speed\":2}}");
    assertEquals(400, bad.status());
    assertTrue(bad.json().getString("error").contains("unknown weight 'speed'"));
    assertEquals(
        200,
        api.put("/api/clients/lab-1", "{\"zone\":\"zone-a\",\"trustClass\":\"internal\"}")
            .status());
    assertEquals("zone-a", api.get("/api/clients/lab-1").json().getString("zone"));
    assertEquals(204, api.delete("/api/clients/lab-1").status());
    assertEquals(404, api.get("/api/clients/lab-1").status());
  }
}
