package dev.switchboard.fulfillment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.messaging.DispatchItem;
import dev.switchboard.messaging.StatusReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);

  static final String GRUESSE_SHA256 =
      "8285d1ad84c6b6e475d3b50dbf90389c8c7a07a278d9ae46d5698cbe872e3834";

  final TaskRunner runner =
      new TaskRunner(List.of(new Sha256Application(), new SleepApplication()), CLOCK);

  @Test
  void sha256OfHelloIsTheKnownDigest() {
    StatusReport report =
        runner.run("local-1", new DispatchItem(1, 1, "sha256", "hello", 300, null));
    assertTrue(report.completed());
    assertEquals(
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", report.result());
    assertEquals("local-1", report.server());
    assertEquals(1, report.taskId());
  }

  @Test
  void sha256OfEmptyAndUnicodeInputUsesUtf8() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        runner.run("s", new DispatchItem(2, 1, "sha256", "", 300, null)).result());
    // printf 'gr\xc3\xbc\xc3\x9fe' | sha256sum
    assertEquals(
        GRUESSE_SHA256,
        runner.run("s", new DispatchItem(3, 1, "sha256", "gr\u00fc\u00dfe", 300, null)).result());
  }

  @Test
  void anApplicationNotInstalledFailsTheTaskWithTheReason() {
    StatusReport report = runner.run("local-2", new DispatchItem(4, 1, "primes", "100", 300, null));
    assertFalse(report.completed());
    assertEquals("application 'primes' is not installed on local-2", report.result());
  }

  @Test
  void anApplicationRejectingItsInputFailsTheTaskNotTheMessage() {
    StatusReport report = runner.run("local-2", new DispatchItem(5, 1, "sleep", "soon", 300, null));
    assertFalse(report.completed());
    assertEquals(
        "sleep failed: sleep needs a whole number from 0 to 60000, got 'soon'", report.result());
    assertFalse(runner.run("s", new DispatchItem(6, 1, "sleep", "-1", 300, null)).completed());
    assertFalse(runner.run("s", new DispatchItem(7, 1, "sleep", "60001", 300, null)).completed());
  }

  @Test
  void sleepHoldsForTheGivenTime() {
    StatusReport report = runner.run("s", new DispatchItem(8, 1, "sleep", "0", 300, null));
    assertTrue(report.completed());
    assertEquals("slept 0 ms", report.result());
    assertEquals(Set.of("sha256", "sleep"), runner.names());
  }

  @Test
  void anApplicationIsToldWhichRunItIs() {
    TaskApplication tagging =
        new TaskApplication() {
          @Override
          public String name() {
            return "tag";
          }

          @Override
          public String inputs() {
            return "any text";
          }

          @Override
          public String run(String input) {
            throw new AssertionError("the runner must call run(input, context)");
          }

          @Override
          public String run(String input, RunContext run) {
            return input + " " + run;
          }
        };
    StatusReport report =
        new TaskRunner(List.of(tagging), CLOCK, "main@host")
            .run("local-3", new DispatchItem(9, 2, "tag", "x", 300, null));
    assertEquals(
        "x RunContext[taskId=9, attempt=2, server=local-3, node=main@host]", report.result());
    assertEquals("main@host", report.node());
  }
}
