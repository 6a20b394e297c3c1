package dev.switchboard.matching.control;

import java.time.Duration;

/**
 * What one decision may spend evaluating a task's expressions that loop (have comprehensions): a
 * number of steps, one per node visited, and a time. Decisions run side by side, so this bounds how
 * long one task can keep a matching thread (and the other tasks of its batch) busy. Expressions
 * without loops are not counted: their length bounds each evaluation, and the fleet how many there
 * are, as before. Results taken from a server's cache cost nothing. Not thread-safe: one per
 * decision.
 */
public final class EvaluationBudget {

  /** Steps between two looks at the clock. */
  private static final int CLOCK_EVERY = 256;

  private final long limit;
  private final Duration time;
  private final long deadline;
  private long spent;

  /**
   * @param limit steps the decision may spend
   * @param time how long its looping evaluations may take together, counted from now
   */
  public EvaluationBudget(long limit, Duration time) {
    this.limit = limit;
    this.time = time;
    this.deadline = System.nanoTime() + Math.min(time.toNanos(), Long.MAX_VALUE / 4);
  }

  /** A budget that never runs out, for evaluations outside a decision. */
  public static EvaluationBudget unlimited() {
    return new EvaluationBudget(Long.MAX_VALUE, Duration.ofDays(365));
  }

  /**
   * @throws Exceeded once more than the limit has been spent, or the time is up
   */
  void spend(long steps) {
    spent += steps;
    if (spent > limit) {
      throw new Exceeded(
          "its expressions exceed the evaluation budget of " + limit + " steps per decision");
    }
    if (spent % CLOCK_EVERY == 0 && System.nanoTime() > deadline) {
      throw new Exceeded(
          "its expressions exceed the evaluation time of "
              + time.toMillis()
              + " ms per decision (after "
              + spent
              + " steps)");
    }
  }

  long spent() {
    return spent;
  }

  /** A task's expressions cost more than one decision may spend: the task fails, alone. */
  public static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message, null, false, false);
    }
  }
}
