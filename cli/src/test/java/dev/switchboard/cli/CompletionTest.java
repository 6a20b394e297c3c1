package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code completion}: a script that completes the commands and their options. */
class CompletionTest {

  @Test
  void itPrintsABashScriptThatZshCanLoadAndThatKnowsTheCommands() {
    StandInApi.Run run = StandInApi.Run.of("", "completion");
    assertEquals(0, run.code(), run.err());
    String script = run.out();
    assertTrue(script.startsWith("#!/usr/bin/env bash"), script.lines().findFirst().orElse(""));
    assertTrue(script.contains("bashcompinit"), "zsh loads it through bashcompinit");
    assertTrue(
        script.contains("complete -F _complete_switchboard -o default switchboard "), script);
    for (String word : new String[] {"explain", "distributors", "--min-power", "--attribute"}) {
      assertTrue(script.contains(word), "completes " + word);
    }
    assertEquals("", run.err(), "no credentials asked for");
  }

  @Test
  void itCompletesALauncherOfAnotherName() {
    String script = StandInApi.Run.of("", "completion", "--name", "switchboard-cli").out();
    assertTrue(
        script.contains("complete -F _complete_switchboard-cli -o default switchboard-cli "),
        script);
  }
}
