package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.api.TaskRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TaskOptionsTest {

  private static TaskRequest parse(String... args) {
    return CommandLine.populateCommand(new TaskOptions(), args).request();
  }

  @Test
  void everyOptionGoesIntoTheRequest() {
    TaskRequest request =
        parse(
            "-a",
            "sha256",
            "-i",
            "hello",
            "-u",
            "carla",
            "-c",
            "cli-it",
            "--slots",
            "2",
            "--requirements",
            "server.power > 1",
            "--rank",
            "server.power",
            "--run-timeout",
            "60",
            "--retries",
            "3",
            "--min-power",
            "2.5",
            "--attribute",
            "gpu=a100",
            "--attribute",
            "note=a=b");
    assertEquals(
        new TaskRequest(
            "sha256",
            "hello",
            "carla",
            "cli-it",
            2,
            2.5,
            "server.power > 1",
            "server.power",
            Map.of("gpu", "a100", "note", "a=b"),
            60,
            3),
        request);
  }

  @Test
  void withOnlyTheApplicationTheRequestHasTheDefaults() {
    TaskRequest request = parse("--application", "sha256");
    assertEquals(new TaskRequest("sha256", "", System.getProperty("user.name"), "cli"), request);
  }

  @Test
  void theApplicationIsRequired() {
    CommandLine.MissingParameterException e =
        assertThrows(CommandLine.MissingParameterException.class, () -> parse("-i", "hello"));
    assertEquals("Missing required option: '--application=<application>'", e.getMessage());
  }
}
