package dev.switchboard.cli;

import dev.switchboard.api.TaskReceipt;
import dev.switchboard.api.TaskRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The REST API at a base URL such as {@code http://localhost:8080/switchboard}. */
final class RestGateway implements Gateway {

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String authorization;

  /** The API refuses changes without it or a JSON body, so forms on other sites cannot act. */
  static final String REQUESTED_BY = "X-Requested-By";

  RestGateway(String base, Credentials credentials) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    byte[] pair =
        (credentials.user() + ":" + new String(credentials.password()))
            .getBytes(StandardCharsets.UTF_8);
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair);
  }

  @Override
  public TaskReceipt submit(TaskRequest request) {
    JsonObjectBuilder body = body(request);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/tasks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())));
    return receipt(response);
  }

  private static JsonObjectBuilder body(TaskRequest request) {
    JsonObjectBuilder attributes = Json.createObjectBuilder();
    request.attributes().forEach(attributes::add);
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("application", request.application())
            .add("input", request.input())
            .add("user", request.user())
            .add("client", request.client())
            .add("slots", request.slots())
            .add("minPower", request.minPower())
            .add("timeoutSeconds", request.timeoutSeconds())
            .add("maxRetries", request.maxRetries())
            .add("attributes", attributes);
    if (request.requirements() != null) {
      body.add("requirements", request.requirements());
    }
    if (request.rank() != null) {
      body.add("rank", request.rank());
    }
    return body;
  }

  private TaskReceipt receipt(HttpResponse<String> response) {
    JsonObject json = parse(response.body());
    if (response.statusCode() == 201) {
      return new TaskReceipt(
          json.getJsonNumber("id").longValue(),
          json.getString("state"),
          json.getString("pool"),
          json.getJsonArray("skipped").getValuesAs(JsonString.class).stream()
              .map(JsonString::getString)
              .toList(),
          json.getString("tier2"));
    }
    throw failure(response, json);
  }

  @Override
  public List<Long> submitAll(List<TaskRequest> requests) {
    JsonArrayBuilder tasks = Json.createArrayBuilder();
    requests.forEach(r -> tasks.add(body(r)));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/tasks:batch"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder().add("tasks", tasks).build().toString())));
    JsonObject json = parse(response.body());
    if (response.statusCode() == 201) {
      return json.getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
          .map(t -> t.getJsonNumber("id").longValue())
          .toList();
    }
    throw failure(response, json);
  }

  /** 400: the request is wrong; anything else: Switchboard could not take it. */
  private static RuntimeException failure(HttpResponse<String> response, JsonObject json) {
    String error = json.getString("error", response.body());
    if (response.statusCode() == 400) {
      return new Rejected(error);
    }
    return new Unavailable("HTTP " + response.statusCode() + ": " + error);
  }

  /**
   * Stage times of the tasks with ids in [from, to]: per task {@code [id, ended (1 if final),
   * submitted, allocated, running, ended]} in epoch milliseconds.
   */
  List<long[]> timings(long from, long to) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(base + "/api/tasks/timings?from=" + from + "&to=" + to))
                .GET());
    if (response.statusCode() != 200) {
      throw new Unavailable("HTTP " + response.statusCode() + ": " + response.body());
    }
    List<long[]> rows = new ArrayList<>();
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      for (JsonArray row : reader.readArray().getValuesAs(JsonArray.class)) {
        String state = row.getString(1);
        rows.add(
            new long[] {
              row.getJsonNumber(0).longValue(),
              FINAL.contains(state) ? (state.equals("COMPLETED") ? 1 : 2) : 0,
              row.getJsonNumber(2).longValue(),
              row.getJsonNumber(3).longValue(),
              row.getJsonNumber(4).longValue(),
              row.getJsonNumber(5).longValue()
            });
      }
    }
    return rows;
  }

  static final java.util.Set<String> FINAL = java.util.Set.of("COMPLETED", "FAILED", "CANCELLED");

  @Override
  public TaskStatus status(long id) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(base + "/api/tasks/" + id)).GET());
    if (response.statusCode() == 404) {
      return null;
    }
    if (response.statusCode() != 200) {
      throw new Unavailable("HTTP " + response.statusCode() + ": " + response.body());
    }
    JsonObject task = parse(response.body());
    return new TaskStatus(
        id,
        task.getString("state"),
        task.getString("server", null),
        task.getString("result", task.getString("reason", null)));
  }

  /** {@code GET /api/tasks/{id}/explain}. */
  @Override
  public String explanation(long id) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(base + "/api/tasks/" + id + "/explain")).GET());
    if (response.statusCode() == 404) {
      return null;
    }
    if (response.statusCode() != 200) {
      throw failure(response, parse(response.body()));
    }
    return response.body();
  }

  /**
   * One page of {@code GET /api/tasks}.
   *
   * @param tasks the page's tasks as the API gives them
   * @param total how many match in all ({@code X-Total-Count})
   * @param next the cursor of the next page ({@code Link rel="next"}), or null
   */
  record Page(List<JsonObject> tasks, long total, String next) {}

  /**
   * A page of the task list.
   *
   * @param query the API's query parameters (state, user, sort, limit, cursor, ...); null values
   *     are left out
   * @throws Rejected if the API refused a parameter (its message names it)
   */
  Page tasks(Map<String, String> query) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(base + "/api/tasks" + queryString(query))).GET());
    if (response.statusCode() != 200) {
      throw failure(response, parse(response.body()));
    }
    List<JsonObject> tasks;
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      tasks = reader.readArray().getValuesAs(JsonObject.class);
    }
    long total = response.headers().firstValue("X-Total-Count").map(Long::parseLong).orElse(-1L);
    return new Page(tasks, total, Links.cursor(response.headers().allValues("Link"), "next"));
  }

  static String queryString(Map<String, String> query) {
    StringBuilder text = new StringBuilder();
    query.forEach(
        (name, value) -> {
          if (value != null) {
            text.append(text.length() == 0 ? '?' : '&')
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return text.toString();
  }

  /**
   * What became of a cancellation.
   *
   * @param id the task
   * @param done whether it is cancelled now
   * @param message the task's state, or why it could not be cancelled
   */
  record Cancellation(long id, boolean done, String message) {}

  /**
   * Cancels a task: {@code DELETE /api/tasks/{id}}. An unknown or ended task is a cancellation not
   * done, not an exception, so that a list of ids goes on.
   */
  Cancellation cancel(long id) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(base + "/api/tasks/" + id)).DELETE());
    JsonObject json = parse(response.body());
    return switch (response.statusCode()) {
      case 200 -> new Cancellation(id, true, json.getString("state", "CANCELLED"));
      case 404, 409 -> new Cancellation(id, false, json.getString("error", response.body()));
      default -> throw failure(response, json);
    };
  }

  /** The fulfillment servers as {@code GET /api/servers} gives them. */
  List<JsonObject> servers() {
    return objects("/api/servers");
  }

  /**
   * The distributors of both tiers as {@code GET /api/distributors} gives them: tier 1 first, each
   * tier in its search order.
   */
  List<JsonObject> distributors() {
    return objects("/api/distributors");
  }

  /** A JSON array of objects at a path of the API. */
  private List<JsonObject> objects(String path) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    if (response.statusCode() != 200) {
      throw failure(response, parse(response.body()));
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readArray().getValuesAs(JsonObject.class);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request
                  .header("Authorization", authorization)
                  .header(REQUESTED_BY, "switchboard-cli")
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        throw new Rejected(
            "HTTP " + response.statusCode() + ": " + parse(response.body()).getString("error", ""));
      }
      return response;
    } catch (IOException e) {
      throw new Unavailable(base + " does not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    } catch (RuntimeException e) {
      return Json.createObjectBuilder().add("error", body).build();
    }
  }
}
