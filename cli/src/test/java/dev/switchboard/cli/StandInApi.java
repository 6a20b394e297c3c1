package dev.switchboard.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A stand-in for the REST API on a local port, for tests of the commands: it records each request
 * ({@code "GET /switchboard/api/..."}) and its body, answers with what a test put in {@link
 * #answers}, and 404 to anything else.
 */
abstract class StandInApi {

  /** A canned answer: status, body and headers. */
  record Answer(int status, String body, Map<String, String> headers) {
    static Answer json(int status, String body) {
      return new Answer(status, body, Map.of());
    }
  }

  HttpServer server;
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  final Map<String, String> bodies = Collections.synchronizedMap(new LinkedHashMap<>());
  final Map<String, Answer> answers = Collections.synchronizedMap(new LinkedHashMap<>());
  String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/switchboard";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
    requests.add(request);
    bodies.put(
        request, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Answer answer =
        answers.getOrDefault(request, Answer.json(404, "{\"error\":\"no stand-in for it\"}"));
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(answer.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** A run of the client with its output, errors and input. */
  record Run(int code, String out, String err) {

    static Run of(String input, String... args) {
      PrintStream out = System.out;
      PrintStream err = System.err;
      InputStream in = System.in;
      ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
      ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
      try {
        int code = Switchboard.run(args);
        return new Run(
            code,
            outBytes.toString(StandardCharsets.UTF_8),
            errBytes.toString(StandardCharsets.UTF_8));
      } finally {
        System.setOut(out);
        System.setErr(err);
        System.setIn(in);
      }
    }
  }

  /** The client run against the stand-in, signed in. */
  Run cli(String... args) {
    return cliWithInput("", args);
  }

  Run cliWithInput(String input, String... args) {
    List<String> all =
        new ArrayList<>(List.of("--rest", base, "--account", "viv", "--password=pw"));
    all.addAll(List.of(args));
    return Run.of(input, all.toArray(String[]::new));
  }

  /** The client run over remote EJB to a port where nothing listens, signed in. */
  static Run overIiop(String... args) {
    List<String> all =
        new ArrayList<>(List.of("--iiop", "localhost:1", "--account", "a", "--password=p"));
    all.addAll(List.of(args));
    return Run.of("", all.toArray(String[]::new));
  }
}
