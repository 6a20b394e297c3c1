package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.time.Duration;

/**
 * Payara's MicroProfile Health endpoints, asked as a load balancer would (no credentials): the
 * status of an answer and the data of one named check in it.
 */
final class HealthProbe {

  static final String READY = "/health/ready";
  static final String LIVE = "/health/live";

  private static final String ROOT =
      "http://localhost:" + System.getProperty("switchboard.httpPort", "28080");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HealthProbe() {}

  /** One answer: its HTTP status and the named check's status and data. */
  record Answer(int status, String body, String checkStatus, JsonObject data) {}

  /** Asks the endpoint and picks the named check out of its answer (which must list it). */
  static Answer ask(String path, String check) {
    HttpResponse<String> response;
    try {
      response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(ROOT + path))
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    JsonObject document;
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      document = reader.readObject();
    }
    JsonObject found =
        document.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> check.equals(c.getString("name", null)))
            .findFirst()
            .orElse(null);
    assertEquals(
        true, found != null, path + " lists no check named " + check + ": " + response.body());
    return new Answer(
        response.statusCode(),
        response.body(),
        found.getString("status"),
        found.getJsonObject("data"));
  }
}
