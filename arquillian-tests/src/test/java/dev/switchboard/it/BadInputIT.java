package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Malformed and hostile input at every HTTP entry point: each case must get a clear 4xx with an RFC
 * 9457 problem document (naming the field where there is one), never a 5xx; so must every other
 * refusal (sign-in, roles, cross-site forms, methods, media types, conflicts); afterwards the
 * server still answers and no task was created or changed by the bad requests. Counts the cases
 * tried.
 */
class BadInputIT extends AsBuiltIT {

  static final AtomicInteger CASES = new AtomicInteger();

  static final String GOOD =
      "{\"application\":\"sha256\",\"input\":\"x\",\"user\":\"eve\",\"client\":\"bad-it\"}";

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @AfterAll
  static void report() {
    System.out.println("BadInputIT: " + CASES.get() + " bad-input cases tried");
  }

  /** A task body with one field set to a raw JSON value (replacing the good one). */
  static String taskWith(String field, String rawJson) {
    java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("application", "\"sha256\"");
    fields.put("input", "\"x\"");
    fields.put("user", "\"eve\"");
    fields.put("client", "\"bad-it\"");
    fields.put(field, rawJson);
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (name, value) ->
            json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(name)
                .append("\":")
                .append(value));
    return json.append('}').toString();
  }

  record Case(
      String name,
      String method,
      String path,
      String contentType,
      byte[] body,
      int status,
      String field) {}

  static Case json(String name, String path, String body, int status, String field) {
    return withJson(name, "POST", path, body, status, field);
  }

  static Case put(String name, String path, String body, int status, String field) {
    return withJson(name, "PUT", path, body, status, field);
  }

  static Case withJson(
      String name, String method, String path, String body, int status, String field) {
    return new Case(
        name,
        method,
        path,
        "application/json",
        body.getBytes(StandardCharsets.UTF_8),
        status,
        field);
  }

  /**
   * Sends the case as the operator (or admin for admin paths) and checks the answer. Every case
   * says it is no cross-site form (X-Requested-By), as the CLI does: what these cases try is bad
   * input, not forged requests (SessionSecurityIT tries those).
   */
  static Executable check(Case c, String user, String password) {
    return () -> {
      CASES.incrementAndGet();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(ApiClient.BASE + c.path()))
              .timeout(Duration.ofSeconds(60))
              .header("X-Requested-By", "bad-input-it")
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString(
                              (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
      if (c.contentType() != null) {
        request.header("Content-Type", c.contentType());
      }
      request.method(
          c.method(),
          c.body() == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(c.body()));
      HttpResponse<String> response;
      try {
        response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(c.name(), e);
      }
      assertProblem(c.name(), response, c.status(), c.field());
    };
  }

  /**
   * Asserts that the answer is an RFC 9457 problem document with this status, a title and a detail
   * (repeated as Switchboard's {@code error}), naming this field (any, or none, if null).
   */
  static void assertProblem(String name, HttpResponse<String> response, int status, String field) {
    String body = response.body();
    assertEquals(status, response.statusCode(), name + ": " + body);
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim(),
        name + " is no problem document: " + body);
    JsonObject problem;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      problem = reader.readObject();
    }
    assertEquals("about:blank", problem.getString("type", null), name + ": " + body);
    assertEquals(status, problem.getInt("status", 0), name + ": " + body);
    assertFalse(problem.getString("title", "").isBlank(), name + " has no title: " + body);
    String detail = problem.getString("detail", "");
    assertFalse(detail.isBlank(), name + " has no detail: " + body);
    assertEquals(detail, problem.getString("error", null), name + ": " + body);
    assertTrue(problem.containsKey("field"), name + " leaves out field: " + body);
    if (field != null) {
      assertEquals(field, problem.getString("field", null), name + ": " + body);
    }
  }

  /** Sends a request with these headers (name, value, ...) and no credentials unless given. */
  static HttpResponse<String> send(String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ApiClient.BASE + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The refusals that are not bad input: the sign-in's, the roles', the cross-site check's, the
   * method's, the media type's and a conflict; each is a problem document like the rest.
   */
  @Test
  void everyOtherRefusalIsAProblemDocumentToo() throws Exception {
    ApiClient.ensureAccounts();
    String operator = basic(ApiClient.OPERATOR, ApiClient.OPERATOR_PASSWORD);
    String viewer = basic(ApiClient.VIEWER, ApiClient.VIEWER_PASSWORD);
    String json = "application/json";
    String by = "X-Requested-By";
    assertProblem("no credentials", send("GET", "/api/tasks", null), 401, null);
    assertProblem(
        "a wrong password",
        send("GET", "/api/tasks", null, "Authorization", basic(ApiClient.VIEWER, "not-it")),
        401,
        null);
    assertProblem(
        "a viewer submits",
        send("POST", "/api/tasks", GOOD, "Authorization", viewer, "Content-Type", json),
        403,
        null);
    assertProblem(
        "a form from another site",
        // a path whose method takes any body (POST /api/tasks answers a form with 415 first);
        // were the form let through, it would find no such task and change nothing
        send(
            "POST",
            "/api/tasks/987654321/cancel",
            "reason=forged",
            "Authorization",
            operator,
            "Content-Type",
            "application/x-www-form-urlencoded"),
        403,
        null);
    assertProblem(
        "a method the path has not",
        send("PUT", "/api/tasks", GOOD, "Authorization", operator, "Content-Type", json, by, "it"),
        405,
        null);
    assertProblem(
        "a body that is not JSON",
        send(
            "POST",
            "/api/tasks",
            "sha256 x",
            "Authorization",
            operator,
            "Content-Type",
            "text/plain",
            by,
            "it"),
        415,
        null);
    assertProblem(
        "an unknown path",
        send("GET", "/api/no-such-thing", null, "Authorization", operator),
        404,
        null);
    assertProblem(
        "an account that exists",
        send(
            "POST",
            "/api/accounts",
            "{\"name\":\""
                + ApiClient.VIEWER
                + "\",\"password\":\"another-pass-123\",\"roles\":[\"viewer\"]}",
            "Authorization",
            basic("admin", ApiClient.adminPassword()),
            "Content-Type",
            json),
        409,
        "name");
  }

  static long newestTask() {
    String body = ApiClient.operator().get("/api/tasks?limit=1").raw().body();
    java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(body);
    return id.find() ? Long.parseLong(id.group(1)) : 0;
  }

  /**
   * Sends the cases as the operator; afterwards the server still answers and no task was created.
   */
  static void noTaskCreatedAndStillHealthy(List<Case> cases) {
    ApiClient.ensureAccounts();
    long before = newestTask();
    assertAll(cases.stream().map(c -> check(c, ApiClient.OPERATOR, ApiClient.OPERATOR_PASSWORD)));
    assertEquals(200, new ApiClient(null, null).get("/api/health").status(), "server healthy");
    assertEquals(before, newestTask(), "a bad request created a task");
  }

  static String repeat(String text, int times) {
    return text.repeat(times);
  }

  @Test
  void taskSubmissions() {
    List<Case> cases = new ArrayList<>();
    String p = "/api/tasks";
    cases.add(json("empty body", p, "", 400, null));
    cases.add(json("null body", p, "null", 400, null));
    cases.add(json("array body", p, "[]", 400, null));
    cases.add(json("string body", p, "\"task\"", 400, null));
    cases.add(json("number body", p, "42", 400, null));
    cases.add(json("truncated", p, "{\"application\":\"sha256\"", 400, null));
    cases.add(json("trailing garbage", p, GOOD + "}}", 400, null));
    cases.add(json("single quotes", p, "{'application':'sha256'}", 400, null));
    cases.add(json("comment", p, "/* x */" + GOOD, 400, null));
    cases.add(json("unknown field", p, taskWith("color", "\"red\""), 400, "color"));
    cases.add(
        json(
            "application missing",
            p,
            "{\"input\":\"x\",\"user\":\"eve\",\"client\":\"c\"}",
            400,
            "application"));
    cases.add(
        json(
            "user missing",
            p,
            "{\"application\":\"sha256\",\"input\":\"x\",\"client\":\"c\"}",
            400,
            "user"));
    cases.add(json("application a number", p, taskWith("application", "5"), 400, "application"));
    cases.add(
        json("application unknown", p, taskWith("application", "\"rm -rf\""), 400, "application"));
    cases.add(
        json(
            "application huge",
            p,
            taskWith("application", "\"" + repeat("a", 100) + "\""),
            400,
            "application"));
    cases.add(json("user an array", p, taskWith("user", "[]"), 400, "user"));
    cases.add(json("user an object", p, taskWith("user", "{}"), 400, "user"));
    cases.add(json("user with spaces", p, taskWith("user", "\"eve smith\""), 400, "user"));
    cases.add(
        json(
            "user with markup", p, taskWith("user", "\"<script>alert(1)</script>\""), 400, "user"));
    cases.add(
        json("user too long", p, taskWith("user", "\"" + repeat("u", 200) + "\""), 400, "user"));
    cases.add(json("input an object", p, taskWith("input", "{\"a\":1}"), 400, "input"));
    cases.add(
        json(
            "input too large",
            p,
            taskWith("input", "\"" + repeat("x", 70_000) + "\""),
            400,
            "input"));
    cases.add(json("slots a string", p, taskWith("slots", "\"two\""), 400, "slots"));
    cases.add(json("slots a fraction", p, taskWith("slots", "1.5"), 400, "slots"));
    cases.add(json("slots zero", p, taskWith("slots", "0"), 400, "slots"));
    cases.add(json("slots negative", p, taskWith("slots", "-3"), 400, "slots"));
    cases.add(json("slots absurd", p, taskWith("slots", "99999999999999999999"), 400, "slots"));
    cases.add(json("slots exponent", p, taskWith("slots", "1e400"), 400, "slots"));
    cases.add(json("minPower a string", p, taskWith("minPower", "\"fast\""), 400, "minPower"));
    cases.add(json("minPower negative", p, taskWith("minPower", "-1"), 400, "minPower"));
    cases.add(json("timeout zero", p, taskWith("timeoutSeconds", "0"), 400, "timeoutSeconds"));
    cases.add(
        json("timeout a year", p, taskWith("timeoutSeconds", "31536000"), 400, "timeoutSeconds"));
    cases.add(json("retries absurd", p, taskWith("maxRetries", "1000"), 400, "maxRetries"));
    cases.add(
        json(
            "retries null is fine but a bool is not",
            p,
            taskWith("maxRetries", "true"),
            400,
            "maxRetries"));
    cases.add(json("attributes a list", p, taskWith("attributes", "[1,2]"), 400, "attributes"));
    cases.add(
        json(
            "attributes nested deep",
            p,
            taskWith("attributes", "{\"a\":" + repeat("[", 5000) + repeat("]", 5000) + "}"),
            400,
            null));
    cases.add(json("body nested deep", p, repeat("[", 100_000) + repeat("]", 100_000), 400, null));
    cases.add(
        json(
            "too many attributes",
            p,
            taskWith("attributes", manyAttributes(100)),
            400,
            "attributes"));
    cases.add(new Case("bad UTF-8", "POST", p, "application/json", badUtf8(), 400, null));
    cases.add(
        new Case(
            "not JSON content",
            "POST",
            p,
            "text/plain",
            GOOD.getBytes(StandardCharsets.UTF_8),
            415,
            null));
    cases.add(
        new Case(
            "no content type", "POST", p, null, GOOD.getBytes(StandardCharsets.UTF_8), 415, null));
    cases.add(new Case("huge body", "POST", p, "application/json", hugeBody(), 400, null));
    noTaskCreatedAndStillHealthy(cases);
  }

  @Test
  void expressions() {
    List<Case> cases = new ArrayList<>();
    String p = "/api/tasks";
    String[] requirements = {
      "server.idlePower >",
      "1.0 > 'ten'",
      "server.nonsense.field(",
      "server.getClass().getName() == ''",
      "java.lang.Runtime.getRuntime()",
      "exec('rm -rf /')",
      "size(server) ++ 1",
      "1 / 0 == 1 &&",
      repeat("(", 300) + "true" + repeat(")", 300),
      repeat("server.power > 1.0 && ", 200) + "true",
      "\"" + repeat("a", 3000) + "\" == server.zone",
      "server.zone == 'a' ||| true",
      "[1,2,3].map(x, x * 2) == server",
      "server.attributes.disk.matches('(a+)+$') && nope",
    };
    for (int i = 0; i < requirements.length; i++) {
      String escaped = requirements[i].replace("\\", "\\\\").replace("\"", "\\\"");
      cases.add(
          json(
              "requirements " + i,
              p,
              taskWith("requirements", "\"" + escaped + "\""),
              400,
              "requirements"));
    }
    cases.add(json("rank not a number", p, taskWith("rank", "\"'high'\""), 400, "rank"));
    cases.add(json("rank syntax", p, taskWith("rank", "\"server.power +\""), 400, "rank"));
    cases.add(
        json("requirements a number", p, taskWith("requirements", "42"), 400, "requirements"));
    noTaskCreatedAndStillHealthy(cases);
  }

  @Test
  void batchesPathsServersProfilesAndAccounts() {
    List<Case> cases = new ArrayList<>();
    cases.add(json("batch without tasks", "/api/tasks:batch", "{}", 400, "tasks"));
    cases.add(json("batch tasks not a list", "/api/tasks:batch", "{\"tasks\":{}}", 400, "tasks"));
    cases.add(json("batch empty", "/api/tasks:batch", "{\"tasks\":[]}", 400, "tasks"));
    cases.add(
        json(
            "batch too big",
            "/api/tasks:batch",
            "{\"tasks\":[" + String.join(",", java.util.Collections.nCopies(1001, GOOD)) + "]}",
            400,
            "tasks"));
    cases.add(
        json(
            "batch element not an object",
            "/api/tasks:batch",
            "{\"tasks\":[" + GOOD + ",7]}",
            400,
            "tasks[1]"));
    cases.add(
        json(
            "batch one bad task",
            "/api/tasks:batch",
            "{\"tasks\":[" + GOOD + "," + GOOD + "," + taskWith("user", "5") + "]}",
            400,
            "tasks[2].user"));
    cases.add(new Case("task id not a number", "GET", "/api/tasks/abc", null, null, 404, "id"));
    cases.add(
        new Case(
            "task id huge", "GET", "/api/tasks/99999999999999999999999", null, null, 404, "id"));
    cases.add(new Case("task id negative", "GET", "/api/tasks/-5", null, null, 404, "id"));
    cases.add(
        new Case("cancel unknown task", "DELETE", "/api/tasks/987654321", null, null, 404, null));
    cases.add(
        new Case("limit absurd", "GET", "/api/tasks?limit=100000000", null, null, 400, "limit"));
    cases.add(
        new Case(
            "timings range too wide",
            "GET",
            "/api/tasks/timings?from=1&to=9999999",
            null,
            null,
            400,
            null));
    cases.add(
        new Case(
            "timings not numbers",
            "GET",
            "/api/tasks/timings?from=a&to=b",
            null,
            null,
            400,
            "from"));
    cases.add(
        new Case(
            "unknown server action",
            "POST",
            "/api/servers/local-1/explode",
            "application/json",
            new byte[0],
            400,
            "action"));
    cases.add(
        new Case(
            "unknown server",
            "POST",
            "/api/servers/no-such-server/drain",
            "application/json",
            new byte[0],
            404,
            "name"));
    cases.add(
        new Case(
            "unknown distributor",
            "POST",
            "/api/distributors/nope/drain",
            "application/json",
            new byte[0],
            404,
            "name"));
    noTaskCreatedAndStillHealthy(cases);

    List<Case> admin = new ArrayList<>();
    String server =
        "{\"name\":\"bad-1\",\"tier2\":\"tier2-a\",\"slots\":2,\"applications\":[\"sha256\"]";
    admin.add(
        json(
            "server slots negative",
            "/api/servers",
            server.replace("\"slots\":2", "\"slots\":-1") + "}",
            400,
            null));
    admin.add(
        json(
            "server slots absurd",
            "/api/servers",
            server.replace("\"slots\":2", "\"slots\":1e12") + "}",
            400,
            null));
    admin.add(
        json(
            "server power a string",
            "/api/servers",
            server + ",\"computingPower\":\"lots\"}",
            400,
            "computingPower"));
    admin.add(
        json(
            "server power negative",
            "/api/servers",
            server + ",\"computingPower\":-100}",
            400,
            null));
    admin.add(
        json(
            "server name with spaces",
            "/api/servers",
            server.replace("bad-1", "bad one") + "}",
            400,
            null));
    admin.add(
        json(
            "server unknown tier2",
            "/api/servers",
            server.replace("tier2-a", "tier9") + "}",
            400,
            null));
    admin.add(
        json(
            "server applications not a list",
            "/api/servers",
            server.replace("[\"sha256\"]", "\"sha256\"") + "}",
            400,
            "applications"));
    admin.add(
        json(
            "server too many attributes",
            "/api/servers",
            server + ",\"attributes\":" + manyAttributes(100) + "}",
            400,
            null));
    admin.add(
        json(
            "server attribute value huge",
            "/api/servers",
            server + ",\"attributes\":{\"a\":\"" + repeat("x", 5000) + "\"}}",
            400,
            null));
    admin.add(
        json("server unknown field", "/api/servers", server + ",\"owner\":\"me\"}", 400, "owner"));
    admin.add(
        put(
            "user priority a string",
            "/api/users/bad-user",
            "{\"priority\":\"high\"}",
            400,
            "priority"));
    admin.add(
        put(
            "user weights not numbers",
            "/api/users/bad-user",
            "{\"weights\":{\"zone\":\"much\"}}",
            400,
            null));
    admin.add(
        put(
            "user unknown weight term",
            "/api/users/bad-user",
            "{\"weights\":{\"luck\":5}}",
            400,
            null));
    admin.add(
        put(
            "user zones not a list",
            "/api/users/bad-user",
            "{\"preferredZones\":\"zone-a\"}",
            400,
            "preferredZones"));
    admin.add(
        put(
            "client unknown field",
            "/api/clients/bad-client",
            "{\"zone\":\"a\",\"secret\":1}",
            400,
            "secret"));
    admin.add(
        put("queue limit negative", "/api/distributors/tier2-a", "{\"queueLimit\":-1}", 400, null));
    admin.add(
        json(
            "account name hostile",
            "/api/accounts",
            "{\"name\":\"../../etc\",\"password\":\"long-enough-1\",\"roles\":[\"viewer\"]}",
            400,
            "name"));
    admin.add(
        json(
            "account password short",
            "/api/accounts",
            "{\"name\":\"x1\",\"password\":\"short\",\"roles\":[\"viewer\"]}",
            400,
            "password"));
    admin.add(
        json(
            "account roles empty",
            "/api/accounts",
            "{\"name\":\"x1\",\"password\":\"long-enough-1\",\"roles\":[]}",
            400,
            "roles"));
    admin.add(
        json(
            "account role unknown",
            "/api/accounts",
            "{\"name\":\"x1\",\"password\":\"long-enough-1\",\"roles\":[\"god\"]}",
            400,
            "roles"));
    assertAll(admin.stream().map(c -> check(c, "admin", ApiClient.adminPassword())));
    assertEquals(
        404, ApiClient.operator().get("/api/users/bad-user").status(), "a bad profile was stored");
    assertTrue(
        !new ApiClient().get("/api/servers").raw().body().contains("\"bad-1\""),
        "a bad server was registered");
  }

  static String manyAttributes(int count) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    return json.append('}').toString();
  }

  static byte[] badUtf8() {
    byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[good.length + 2];
    System.arraycopy(good, 0, bad, 0, 30);
    bad[30] = (byte) 0xC3;
    bad[31] = (byte) 0x28;
    System.arraycopy(good, 30, bad, 32, good.length - 30);
    return bad;
  }

  static byte[] hugeBody() {
    return ("{\"application\":\"sha256\",\"input\":\"" + repeat("x", 20_000_000) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
