package dev.switchboard.it.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.it.ledger.Ledger.Outcome;
import dev.switchboard.it.ledger.Ledger.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerTest {

  // task 1: cut short by a kill, run again and completed twice (redelivered), then taken once;
  // task 2: attempt 1 lost, attempt 2 taken
  static final List<String> LINES =
      List.of(
          "start\ta/1\t1\t1\tlocal-1\tmain@h\t1000",
          "start\tb/1\t1\t1\tlocal-1\tmain@h\t5000",
          "end\tb/1\t5050",
          "start\tb/2\t1\t1\tlocal-1\tmain@h\t6000",
          "end\tb/2\t6050",
          "start\tb/3\t2\t1\tghost-1\tmain@h\t1000",
          "start\tb/4\t2\t2\tghost-1\tmain@h\t2000",
          "end\tb/3\t3000",
          "end\tb/4\t4000");

  static String result(String run) {
    return LedgerApplication.RESULT + run + ": task 1 attempt 1 on local-1, slept 50 ms";
  }

  @Test
  void eachTaskTakesOneCompletedRunOfItsFinalAttemptAndTheOthersAreCounted() {
    Verdict verdict =
        Ledger.of(LINES)
            .verdict(Map.of(1L, new Outcome(1, result("b/2")), 2L, new Outcome(2, result("b/4"))));
    assertEquals(List.of(), verdict.problems());
    assertEquals(1, verdict.cutShort());
    assertEquals(1, verdict.completedAgain());
    assertEquals(1, verdict.earlierAttempts());
    assertEquals(3, verdict.reRuns());
  }

  @Test
  void anOutcomeFromAnEarlierAttemptOrARunThatNeverEndedIsAProblem() {
    Verdict verdict =
        Ledger.of(LINES)
            .verdict(Map.of(1L, new Outcome(1, result("a/1")), 2L, new Outcome(2, result("b/3"))));
    assertEquals(2, verdict.problems().size(), verdict.problems().toString());
    assertEquals(
        1,
        Ledger.of(LINES).verdict(Map.of(2L, new Outcome(2, "slept 50 ms"))).problems().size(),
        "a result that names no run");
    assertThrows(AssertionError.class, verdict::assertSound);
  }

  @Test
  void runsInProgressAndDuringAMomentAreThoseStartedAndNotEndedThen() {
    Ledger ledger = Ledger.of(LINES);
    assertEquals(
        List.of("a/1"), ledger.inProgress(List.of(1L, 2L)).stream().map(r -> r.id()).toList());
    assertEquals(
        List.of("a/1", "b/3", "b/4"),
        ledger
            .during(List.of(1L, 2L), Instant.ofEpochMilli(2500), Instant.ofEpochMilli(2600))
            .stream()
            .map(Ledger.Run::id)
            .toList());
  }

  @Test
  void aLineThatIsNotTheLedgersIsAnError() {
    assertThrows(IllegalStateException.class, () -> Ledger.of(List.of("end\tx/1\t5")));
    assertThrows(IllegalStateException.class, () -> Ledger.of(List.of("start\tx/1\t1")));
  }
}
