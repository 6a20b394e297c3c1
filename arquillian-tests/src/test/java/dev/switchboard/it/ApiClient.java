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
import java.time.Duration;

/** A small HTTP client for the REST API of the Switchboard under test. */
final class ApiClient {

  static final String BASE =
      "http://localhost:" + System.getProperty("switchboard.httpPort", "28080") + "/switchboard";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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

  Answer post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer put(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(BASE + path)).DELETE());
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
      HttpResponse<String> response =
          http.send(
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
