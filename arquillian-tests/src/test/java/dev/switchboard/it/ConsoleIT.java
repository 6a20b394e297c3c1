package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console in a real browser (Debian's headless Chromium): signing in, submitting a task and
 * watching its detail page reach COMPLETED without a reload, draining the server a task would go to
 * and seeing the matcher skip it for another of the same tier-2 distributor, a viewer refused an
 * operator action, validation messages next to their fields. Leaves screenshots of the main pages
 * in target/screenshots (copied to docs/screenshots).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT extends AsBuiltIT {

  static Browser operator;

  @BeforeAll
  static void signIn() {
    ApiClient.ensureAccounts();
    operator = new Browser().signIn(ApiClient.OPERATOR, ApiClient.OPERATOR_PASSWORD);
  }

  @AfterAll
  static void close() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  @Order(1)
  void aStrangerIsSentToSignInAndAWrongPasswordIsSaidSo() {
    try (Browser stranger = new Browser()) {
      stranger.open("/servers.xhtml");
      stranger.until(ExpectedConditions.urlContains("/login.xhtml?next="));
      stranger.find("login:name").sendKeys("admin");
      stranger.find("login:password").sendKeys("not-the-password");
      stranger.click("login:signin");
      stranger.untilText("login:messages", "Wrong account name or password.");
      stranger.screenshot("login");
    }
  }

  @Test
  @Order(2)
  void aTaskSubmittedInTheFormReachesCompletedOnItsDetailPage() {
    operator.open("/submit.xhtml");
    operator.find("submit:input").sendKeys("hello");
    operator.find("submit:user").sendKeys("console-user");
    operator.click("submit:go");
    operator.until(ExpectedConditions.urlContains("/task.xhtml?id="));
    assertTrue(operator.text("messages").contains("accepted by FrontPool"));
    // no reload from here: the page's live update has to bring the new state
    operator.untilText("task-state", "COMPLETED");
    assertEquals(
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        operator.text("task-result"));
    assertTrue(operator.text("route-pool").startsWith("FrontPool"));
    assertTrue(operator.text("history").contains("RUNNING"));
    assertTrue(operator.text("explanation").contains("\"outcome\": \"allocated\""));
    operator.screenshot("task-detail");
  }

  @Test
  @Order(3)
  void theServerThatWouldWinIsSkippedByTheMatcherOnceDrained() {
    // drain the server such a task goes to now: draining another would leave its route the same
    ApiClient api = ApiClient.operator();
    JsonObject probe = completed(api, api.submitSha256("before the drain", "console-user").json());
    String drained = probe.getString("server");
    int excludedBefore = excludedByState(api, probe);
    operator.open("/servers.xhtml");
    operator
        .driver
        .findElement(By.xpath("//tr[.//a[text()='" + drained + "']]//input[@value='Drain']"))
        .click();
    operator.untilText("messages", drained + " is DRAINING.");
    try {
      operator.screenshot("servers");
      JsonObject receipt = api.submitSha256("drained", "console-user").json();
      operator.open("/task.xhtml?id=" + receipt.getInt("id"));
      operator.untilText("task-state", "COMPLETED");
      assertNotEquals(
          drained, operator.text("route-server"), drained + " won before the drain and after it");
      assertEquals(
          probe.getString("tier2"),
          operator.text("route-tier2"),
          "matched by another tier-2 distributor: the drain was not what moved it");
      JsonObject task = completed(api, receipt);
      assertTrue(
          excludedByState(api, task) > excludedBefore,
          "the drained server was not excluded for its state: " + explanation(api, task));
    } finally {
      operator.open("/servers.xhtml");
      operator
          .driver
          .findElement(By.xpath("//tr[.//a[text()='" + drained + "']]//input[@value='Enable']"))
          .click();
      operator.untilText("messages", drained + " is UP.");
    }
  }

  static JsonObject completed(ApiClient api, JsonObject receipt) {
    long id = receipt.getJsonNumber("id").longValue();
    return await()
        .atMost(Browser.WAIT)
        .until(
            () -> api.get("/api/tasks/" + id).json(),
            t -> "COMPLETED".equals(t.getString("state")));
  }

  static JsonObject explanation(ApiClient api, JsonObject task) {
    return api.get("/api/tasks/" + task.getJsonNumber("id").longValue() + "/explain").json();
  }

  /** How many servers the matcher excluded for their state when it chose the task's server. */
  static int excludedByState(ApiClient api, JsonObject task) {
    return explanation(api, task).getJsonObject("excluded").getInt("state");
  }

  @Test
  @Order(4)
  void aViewerIsRefusedAnOperatorAction() {
    try (Browser viewer = new Browser().signIn(ApiClient.VIEWER, ApiClient.VIEWER_PASSWORD)) {
      viewer.open("/servers.xhtml");
      String clicked = "local-1"; // a server of this node: it keeps reporting, so it stays UP
      String before = serverStates().get(clicked);
      viewer
          .driver
          .findElement(By.xpath("//tr[.//a[text()='" + clicked + "']]//input[@value='Drain']"))
          .click();
      viewer.untilText("messages", "Refused: this needs the operator or admin role.");
      viewer.screenshot("viewer-refused");
      // only the clicked server: others may change on their own (liveness) meanwhile
      assertEquals(before, serverStates().get(clicked), "a viewer's click changed " + clicked);
    }
  }

  static Map<String, String> serverStates() {
    Map<String, String> states = new TreeMap<>();
    for (JsonValue server : ApiClient.viewer().get("/api/servers").structure().asJsonArray()) {
      states.put(server.asJsonObject().getString("name"), server.asJsonObject().getString("state"));
    }
    return states;
  }

  @Test
  @Order(5)
  void badInputGetsItsMessageNextToTheField() {
    operator.open("/submit.xhtml");
    operator.find("submit:requirements").sendKeys("server.idlePower >");
    operator.find("submit:slots").clear();
    operator.find("submit:slots").sendKeys("0");
    operator.click("submit:go");
    operator.untilText("submit:requirements-error", "line 1, column");
    assertTrue(operator.text("submit:slots-error").contains("slots must be at least 1"));
    operator.screenshot("submit-validation");
  }

  @Test
  @Order(6)
  void theMainPagesShowTheirData() {
    operator.open("/index.xhtml");
    operator.untilText("tier2", "tier2-a");
    assertTrue(operator.text("pools").contains("FrontPool1"));
    operator.screenshot("dashboard");
    operator.open("/distributors.xhtml");
    operator.untilText("distributors:tier2", "tier2-b");
    operator.screenshot("distributors");
    operator.open("/tasks.xhtml?state=COMPLETED");
    operator.untilText("tasks", "COMPLETED");
    assertTrue(!operator.text("tasks").contains("FAILED"));
    operator.screenshot("tasks");
    operator.open("/profiles.xhtml");
    operator.find("profiles:users");
    operator.screenshot("profiles");
  }
}
