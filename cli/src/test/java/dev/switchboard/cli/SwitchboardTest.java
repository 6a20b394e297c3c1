package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class SwitchboardTest {

  @Test
  void theProgressLineShowsTheShareDone() {
    assertEquals(
        "[###############...............] 5/10 submitted", Progress.line(5, 10, "submitted"));
    assertEquals("[" + "#".repeat(30) + "] 3/3 ended", Progress.line(3, 3, "ended"));
  }

  @Test
  void aRestServerThatDoesNotAnswerGivesExitCode3AndSaysWhy() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true));
    int code;
    try {
      code =
          Switchboard.run(
              "--rest",
              "http://127.0.0.1:" + port + "/switchboard",
              "--account",
              "olga",
              "--password=secret-pass",
              "submit",
              "-a",
              "sha256");
    } finally {
      System.setErr(original);
    }
    assertEquals(Switchboard.UNAVAILABLE, code);
    assertTrue(err.toString().contains("does not answer"), err.toString());
  }

  @Test
  void restAndIiopTogetherAreABadCommandLine() {
    assertEquals(2, Switchboard.run("--rest", "http://x", "--iiop", "h:1", "status", "1"));
  }

  @Test
  void withoutCredentialsTheClientSaysHowToGiveThem() {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true));
    int code;
    try {
      code =
          Switchboard.run("--rest", "http://127.0.0.1:1/switchboard", "--account=", "status", "1");
    } finally {
      System.setErr(original);
    }
    assertEquals(Switchboard.REJECTED, code);
    assertTrue(err.toString().contains("no credentials"), err.toString());
  }
}
