package dev.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the REST API of the Switchboard under test. */
final class ApiClient {

  static final String BASE =
      "http://localhost:" + System.getProperty("switchboard.httpPort", "28080") + "/switchboard";

  /**
   * The first admin's password: the IT domain is made without one, so Switchboard makes a random
   * one at its first start and writes it to the domain's {@code config/switchboard-admin-password}
   * (mode 600), as on a new user's domain. Read when first needed, from the test's JVM or from
   * inside the server (tests that run there).
   */
  static String adminPassword() {
    return FirstAdmin.PASSWORD;
  }

  private static final class FirstAdmin {
    static final String PASSWORD = firstAdminPassword();
  }

  static final String OPERATOR = "it-operator";
  static final String VIEWER = "it-viewer";
  static final String OPERATOR_PASSWORD = "it-operator-pass";
  static final String VIEWER_PASSWORD = "it-viewer-pass";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static volatile boolean accountsMade;

  private final String authorization;

  private static String firstAdminPassword() {
    String domain = System.getProperty("com.sun.aas.instanceRoot"); // inside the server
    Path file =
        (domain != null ? Path.of(domain, "config") : Faults.config())
            .resolve("switchboard-admin-password");
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("the IT domain's first admin password is not in " + file, e);
    }
  }

  /** A client signed in as the first admin. */
  ApiClient() {
    this("admin", adminPassword());
  }

  /** A client signed in with the given account; null for none. */
  ApiClient(String user, String password) {
    this.authorization =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Signed in as the operator account, created on first use. */
  static ApiClient operator() {
    ensureAccounts();
    return new ApiClient(OPERATOR, OPERATOR_PASSWORD);
  }

  /** Signed in as the viewer account, created on first use. */
  static ApiClient viewer() {
    ensureAccounts();
    return new ApiClient(VIEWER, VIEWER_PASSWORD);
  }

  /** Creates the operator and viewer accounts unless they exist (the domain lives for the run). */
  static synchronized void ensureAccounts() {
    if (accountsMade) {
      return;
    }
    ApiClient admin = new ApiClient();
    for (String[] account :
        new String[][] {
          {OPERATOR, OPERATOR_PASSWORD, "operator"}, {VIEWER, VIEWER_PASSWORD, "viewer"}
        }) {
      if (admin.get("/api/accounts").raw().body().contains("\"" + account[0] + "\"")) {
        continue;
      }
      Answer created =
          admin.post(
              "/api/accounts",
              Json.createObjectBuilder()
                  .add("name", account[0])
                  .add("password", account[1])
                  .add("roles", Json.createArrayBuilder().add(account[2]))
                  .build()
                  .toString());
      if (created.status() != 201) {
        throw new IllegalStateException(
            "cannot create " + account[0] + ": " + created.raw().body());
      }
    }
    accountsMade = true;
  }

  /** A response with its body parsed as JSON where it is JSON. */
  record Answer(int status, HttpResponse<String> raw) {
    JsonObject json() {
      return (JsonObject) structure();
    }

    JsonStructure structure() {
      try (JsonReader reader = Json.createReader(new StringReader(raw.body()))) {
        return reader.read();
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET());
  }

  /** The header the API wants on changes without a JSON body (and takes on any). */
  static final String REQUESTED_BY = "X-Requested-By";

  Answer post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Content-Type", "application/json")
            .header(REQUESTED_BY, "switchboard-it")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer put(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Content-Type", "application/json")
            .header(REQUESTED_BY, "switchboard-it")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer delete(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header(REQUESTED_BY, "switchboard-it")
            .DELETE());
  }

  /** Submits {@code sha256} of the input and returns the answer. */
  Answer submitSha256(String input, String user) {
    return post(
        "/api/tasks",
        Json.createObjectBuilder()
            .add("application", "sha256")
            .add("input", input)
            .add("user", user)
            .add("client", "it-client")
            .build()
            .toString());
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
