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
    Run run =
        Run.of(
            "--rest",
            "http://127.0.0.1:" + port + "/switchboard",
            "--account",
            "olga",
            "--password=secret-pass",
            "submit",
            "-a",
            "sha256");
    assertEquals(Switchboard.UNAVAILABLE, run.code());
    assertTrue(run.err().contains("does not answer"), run.err());
  }

  @Test
  void restAndIiopTogetherAreABadCommandLine() {
    assertEquals(2, Switchboard.run("--rest", "http://x", "--iiop", "h:1", "status", "1"));
  }

  @Test
  void withoutCredentialsTheClientSaysHowToGiveThem() {
    Run run = Run.of("--rest", "http://127.0.0.1:1/switchboard", "--account=", "status", "1");
    assertEquals(Switchboard.REJECTED, run.code());
    assertTrue(run.err().contains("no credentials"), run.err());
  }

  /** A run of the client with its standard error caught. */
  private record Run(int code, String err) {

    static Run of(String... args) {
      PrintStream original = System.err;
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      System.setErr(new PrintStream(err, true));
      try {
        return new Run(Switchboard.run(args), err.toString());
      } finally {
        System.setErr(original);
      }
    }
  }
}
