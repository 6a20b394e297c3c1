package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Who may do what over HTTP: the API wants Basic credentials on every call and enforces the roles;
 * the console sends a caller without a session to its sign-in page.
 */
class SecurityIT extends AsBuiltIT {

  static final String TASK =
      "{\"application\":\"sha256\",\"input\":\"sec\",\"user\":\"sam\",\"client\":\"sec-it\"}";

  @Test
  void withoutCredentialsTheApiAnswers401WithAChallengeAndSavesNothing() {
    ApiClient.Answer answer = new ApiClient(null, null).post("/api/tasks", TASK);
    assertEquals(401, answer.status());
    assertTrue(answer.header("WWW-Authenticate").startsWith("Basic realm=\"Switchboard\""));
    assertEquals("authentication required (HTTP Basic)", answer.json().getString("error"));
    assertEquals(200, new ApiClient(null, null).get("/api/health").status());
  }

  @Test
  void aWrongPasswordIsRefused() {
    ApiClient.Answer answer = new ApiClient("admin", "not-the-password").get("/api/tasks/1");
    assertEquals(401, answer.status());
    assertEquals("wrong name or password", answer.json().getString("error"));
  }

  @Test
  void aViewerReadsButMayNotSubmitDrainOrManageAccounts() {
    ApiClient viewer = ApiClient.viewer();
    assertEquals(200, viewer.get("/api/servers").status());
    assertEquals("viewer", viewer.get("/api/me").json().getJsonArray("roles").getString(0));
    ApiClient.Answer submit = viewer.post("/api/tasks", TASK);
    assertEquals(403, submit.status());
    assertTrue(submit.json().getString("error").startsWith("forbidden"), submit.raw().body());
    assertEquals(403, viewer.post("/api/servers/local-1/drain", "").status());
    assertEquals(403, viewer.get("/api/accounts").status());
  }

  @Test
  void anOperatorSubmitsButMayNotManageAccountsOrProfiles() {
    ApiClient operator = ApiClient.operator();
    assertEquals(201, operator.post("/api/tasks", TASK).status());
    assertEquals(403, operator.get("/api/accounts").status());
    assertEquals(403, operator.put("/api/users/sam", "{\"priority\":1}").status());
  }

  @Test
  void anAdminManagesAccountsAndBadAccountsAreRefusedByField() {
    ApiClient admin = new ApiClient();
    ApiClient.Answer weak =
        admin.post(
            "/api/accounts",
            "{\"name\":\"weak-one\",\"password\":\"short\",\"roles\":[\"viewer\"]}");
    assertEquals(400, weak.status());
    assertEquals("password", weak.json().getString("field"));
    ApiClient.Answer unknownRole =
        admin.post(
            "/api/accounts",
            "{\"name\":\"odd-one\",\"password\":\"long-enough-1\",\"roles\":[\"root\"]}");
    assertEquals(400, unknownRole.status());
    assertEquals("roles", unknownRole.json().getString("field"));
    String body =
        Json.createObjectBuilder()
            .add("name", "temp-viewer")
            .add("password", "temp-viewer-pass")
            .add("roles", Json.createArrayBuilder().add("viewer"))
            .build()
            .toString();
    assertEquals(201, admin.post("/api/accounts", body).status());
    assertEquals(200, new ApiClient("temp-viewer", "temp-viewer-pass").get("/api/me").status());
    assertEquals(204, admin.delete("/api/accounts/temp-viewer").status());
    assertEquals(401, new ApiClient("temp-viewer", "temp-viewer-pass").get("/api/me").status());
    ApiClient.Answer lastAdmin = admin.delete("/api/accounts/admin");
    assertEquals(400, lastAdmin.status());
    assertTrue(lastAdmin.json().getString("error").contains("last admin"));
  }

  @Test
  void theConsoleSendsAStrangerToSignIn() throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(ApiClient.BASE + "/tasks.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(302, page.statusCode());
    assertTrue(
        page.headers().firstValue("Location").orElse("").contains("/login.xhtml?next="),
        page.headers().toString());
  }
}
