package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Sessions and accounts against the real server: a console session follows its account (demoted,
 * deleted), a session id in the URL signs nobody in, the session cookie is SameSite=Strict, a
 * body-less change needs the X-Requested-By header, failed sign-ins are throttled, and answers
 * carry neither version banners nor stack traces. Each account is made for its test, so the
 * throttle of one test does not touch another.
 */
class SessionSecurityIT extends AsBuiltIT {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*?value=\"([^\"]+)\"");

  /** A browser-like client: its own cookies, no redirects followed. */
  static final class Console {
    final CookieManager cookies = new CookieManager();
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(ApiClient.BASE + path)).GET());
    }

    /** Signs in through the form of login.xhtml, as a browser would post it. */
    HttpResponse<String> signIn(String name, String password) {
      HttpResponse<String> form = get("/login.xhtml");
      assertEquals(200, form.statusCode(), form.body());
      Matcher state = VIEW_STATE.matcher(form.body());
      assertTrue(state.find(), "the sign-in form carries a view state");
      String body =
          Map.of(
                  "login",
                  "login",
                  "login:name",
                  name,
                  "login:password",
                  password,
                  "login:signin",
                  "Sign in",
                  "jakarta.faces.ViewState",
                  state.group(1))
              .entrySet()
              .stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(URI.create(ApiClient.BASE + "/login.xhtml"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String sessionId() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("JSESSIONID"))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElse(null);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void createAccount(String name, String password, String role) {
    ApiClient admin = new ApiClient();
    admin.delete("/api/accounts/" + name);
    ApiClient.Answer created =
        admin.post(
            "/api/accounts",
            Json.createObjectBuilder()
                .add("name", name)
                .add("password", password)
                .add("roles", Json.createArrayBuilder().add(role))
                .build()
                .toString());
    assertEquals(201, created.status(), created.raw().body());
  }

  private static String rolesShown(HttpResponse<String> page) {
    Matcher roles = Pattern.compile("class=\"roles\">([a-z]+)<").matcher(page.body());
    return roles.find() ? roles.group(1) : null;
  }

  @Test
  void aDemotedAccountLosesItsRightsOnTheNextRequestOfItsSession() {
    createAccount("sess-demoted", "sess-demoted-pass", "operator");
    Console console = new Console();
    HttpResponse<String> signedIn = console.signIn("sess-demoted", "sess-demoted-pass");
    assertEquals(302, signedIn.statusCode(), signedIn.body());
    assertEquals("operator", rolesShown(console.get("/index.xhtml")));

    ApiClient.Answer demoted =
        new ApiClient().put("/api/accounts/sess-demoted", "{\"roles\":[\"viewer\"]}");
    assertEquals(200, demoted.status(), demoted.raw().body());

    HttpResponse<String> next = console.get("/index.xhtml");
    assertEquals(200, next.statusCode());
    assertEquals("viewer", rolesShown(next), "the same session, the account's new role");
  }

  @Test
  void aDeletedAccountsSessionStopsWorking() {
    createAccount("sess-deleted", "sess-deleted-pass", "operator");
    Console console = new Console();
    assertEquals(302, console.signIn("sess-deleted", "sess-deleted-pass").statusCode());
    assertEquals(200, console.get("/servers.xhtml").statusCode());

    assertEquals(204, new ApiClient().delete("/api/accounts/sess-deleted").status());

    assertSentToSignIn(console.get("/servers.xhtml"));
  }

  /** The session no longer signs anybody in: the page sends the browser to the sign-in form. */
  private static void assertSentToSignIn(HttpResponse<String> page) {
    assertEquals(302, page.statusCode(), page.body());
    assertTrue(
        page.headers().firstValue("Location").orElse("").contains("/login.xhtml"),
        page.headers().toString());
  }

  @Test
  void aNewPasswordEndsTheSessionsSignedInWithTheOldOne() {
    createAccount("sess-repassed", "sess-repassed-old", "operator");
    Console old = new Console();
    assertEquals(302, old.signIn("sess-repassed", "sess-repassed-old").statusCode());
    assertEquals(200, old.get("/servers.xhtml").statusCode());

    ApiClient.Answer changed =
        new ApiClient().put("/api/accounts/sess-repassed", "{\"password\":\"sess-repassed-new\"}");
    assertEquals(200, changed.status(), changed.raw().body());

    assertSentToSignIn(old.get("/servers.xhtml"));
    Console fresh = new Console();
    assertEquals(302, fresh.signIn("sess-repassed", "sess-repassed-new").statusCode());
    assertEquals(200, fresh.get("/servers.xhtml").statusCode(), "the new password signs in");
  }

  @Test
  void aSessionIdInTheUrlSignsNobodyIn() {
    createAccount("sess-url", "sess-url-pass", "viewer");
    Console owner = new Console();
    assertEquals(302, owner.signIn("sess-url", "sess-url-pass").statusCode());
    String id = owner.sessionId();
    assertNotNull(id, "the sign-in set a session cookie");

    HttpResponse<String> stranger = new Console().get("/index.xhtml;jsessionid=" + id);
    assertNotEquals(200, stranger.statusCode(), stranger.body());
    assertFalse(stranger.body().contains("id=\"caller\""), stranger.body());
    HttpResponse<String> loginWithId = new Console().get("/login.xhtml;jsessionid=" + id);
    assertEquals(400, loginWithId.statusCode(), loginWithId.body());
    assertEquals("viewer", rolesShown(owner.get("/index.xhtml")), "the owner is still in");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
    createAccount("sess-cookie", "sess-cookie-pass", "viewer");
    Console console = new Console();
    HttpResponse<String> signedIn = console.signIn("sess-cookie", "sess-cookie-pass");
    List<String> cookies =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .toList();
    assertFalse(cookies.isEmpty(), "a new session id at sign-in: " + signedIn.headers());
    for (String cookie : cookies) {
      String lower = cookie.toLowerCase(Locale.ROOT).replace(" ", "");
      assertTrue(lower.contains(";samesite=strict"), cookie);
      assertTrue(lower.contains(";httponly"), cookie);
    }
  }

  private static HttpResponse<String> rawPost(String path, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ApiClient.BASE + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            ("admin:" + ApiClient.adminPassword())
                                .getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return new Console().send(request);
  }

  private static String stateOf(String server) {
    return new ApiClient()
        .get("/api/servers").structure().asJsonArray().getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getString("name").equals(server))
            .map(s -> s.getString("state"))
            .findFirst()
            .orElseThrow();
  }

  @Test
  void aBodylessChangeWithoutTheHeaderIsRefusedAndChangesNothing() {
    assertEquals("UP", stateOf("local-1"));
    try {
      HttpResponse<String> bare = rawPost("/api/servers/local-1/drain", Map.of());
      assertEquals(403, bare.statusCode(), bare.body());
      assertTrue(bare.body().contains("X-Requested-By"), bare.body());
      HttpResponse<String> asForm =
          rawPost(
              "/api/servers/local-1/drain",
              Map.of("Content-Type", "application/x-www-form-urlencoded"));
      assertEquals(403, asForm.statusCode(), asForm.body());
      assertEquals("UP", stateOf("local-1"), "refused, so nothing changed");

      HttpResponse<String> marked =
          rawPost("/api/servers/local-1/drain", Map.of("X-Requested-By", "switchboard"));
      assertEquals(200, marked.statusCode(), marked.body());
      assertEquals("DRAINING", stateOf("local-1"));
    } finally {
      rawPost("/api/servers/local-1/enable", Map.of("X-Requested-By", "switchboard"));
    }
    assertEquals("UP", stateOf("local-1"));
  }

  @Test
  void failedSignInsAreThrottledAndTheRightPasswordWorksAgainAfterTheDelay() {
    createAccount("sess-throttled", "sess-throttled-pass", "viewer");
    for (int i = 0; i < 5; i++) {
      assertEquals(
          401, new ApiClient("sess-throttled", "wrong-" + i).get("/api/me").status(), "try " + i);
    }
    ApiClient.Answer refused =
        new ApiClient("sess-throttled", "sess-throttled-pass").get("/api/me");
    assertEquals(429, refused.status(), refused.raw().body());
    assertNotNull(refused.header("Retry-After"));
    assertTrue(refused.json().getString("error").startsWith("too many failed sign-ins"));

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                new ApiClient("sess-throttled", "sess-throttled-pass").get("/api/me").status()
                    == 200);
  }

  @Test
  void aMissingAccountIsThrottledLikeAnExistingOne() {
    for (int i = 0; i < 5; i++) {
      assertEquals(401, new ApiClient("sess-nobody", "guess-" + i).get("/api/me").status());
    }
    assertEquals(429, new ApiClient("sess-nobody", "guess-5").get("/api/me").status());
  }

  @Test
  void theConsoleSaysHowLongToWaitAfterTooManyFailures() {
    createAccount("sess-form", "sess-form-pass", "viewer");
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong = new Console().signIn("sess-form", "wrong-" + i);
      assertTrue(wrong.body().contains("Wrong account name or password."), wrong.body());
    }
    HttpResponse<String> refused = new Console().signIn("sess-form", "sess-form-pass");
    assertTrue(refused.body().contains("Too many failed sign-ins"), refused.body());
  }

  @Test
  void aNameWithANewlineIsJustAWrongName() {
    ApiClient.Answer answer = new ApiClient("x\nINFO: admin signed in", "nothing").get("/api/me");
    assertEquals(401, answer.status());
  }

  @Test
  void answersCarryNoVersionBanner() {
    for (ApiClient.Answer answer :
        List.of(
            new ApiClient(null, null).get("/api/health"),
            new ApiClient().get("/api/servers"),
            new ApiClient().get("/api/no-such-resource"))) {
      assertTrue(answer.raw().headers().firstValue("X-Powered-By").isEmpty(), answer.toString());
      String server = answer.raw().headers().firstValue("Server").orElse("");
      assertFalse(server.matches(".*\\d.*") || server.contains("Payara"), server);
    }
  }

  @Test
  void errorRepliesHaveNoStackTrace() {
    ApiClient admin = new ApiClient();
    for (ApiClient.Answer answer :
        List.of(
            admin.get("/api/no-such-resource"),
            admin.post("/api/tasks", "{not json"),
            admin.get("/api/tasks/not-a-number"),
            admin.get("/no-such-page.xhtml"))) {
      String body = answer.raw().body();
      assertTrue(answer.status() >= 400, answer.status() + " " + body);
      assertFalse(body.contains("\tat ") || body.contains("at dev.switchboard."), body);
      assertFalse(body.contains("Exception"), body);
      assertFalse(body.contains("Payara"), body);
    }
  }
}
