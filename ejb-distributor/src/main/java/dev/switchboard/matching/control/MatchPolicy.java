package dev.switchboard.matching.control;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the matcher that are not a task's or a user's: how old an idle-power figure may be
 * before the default score ignores it, how many feasible servers a decision scores at most, and the
 * default weights of the score's terms.
 *
 * @param maxIdleAge idle power measured longer ago counts as zero in the default score
 * @param sampleSize a decision stops looking after this many feasible servers (kube-scheduler
 *     scores a share of nodes the same way); a rotating start spreads the samples
 * @param weights default weights by term: zone, idle, load, locality, rank
 * @param evaluationBudget steps one decision may spend on a task's looping expressions (see {@link
 *     EvaluationBudget})
 * @param evaluationTime how long one decision's looping evaluations may take together
 */
public record MatchPolicy(
    Duration maxIdleAge,
    int sampleSize,
    Map<String, Double> weights,
    long evaluationBudget,
    Duration evaluationTime) {

  /** Steps a decision may spend by default. */
  public static final long DEFAULT_EVALUATION_BUDGET = 100_000;

  /** Time a decision's looping evaluations may take by default. */
  public static final Duration DEFAULT_EVALUATION_TIME = Duration.ofMillis(50);

  public MatchPolicy(Duration maxIdleAge, int sampleSize, Map<String, Double> weights) {
    this(maxIdleAge, sampleSize, weights, DEFAULT_EVALUATION_BUDGET, DEFAULT_EVALUATION_TIME);
  }

  public static final Map<String, Double> DEFAULT_WEIGHTS =
      Map.of("zone", 100.0, "idle", 1.0, "load", 10.0, "locality", 10.0, "rank", 1.0);

  /** Idle power up to 60 s old is trusted; at most 100 feasible servers are scored. */
  public static MatchPolicy defaults() {
    return new MatchPolicy(Duration.ofSeconds(60), 100, DEFAULT_WEIGHTS);
  }

  /** Setting: seconds an idle-power figure is trusted (at least 1). */
  public static final String MAX_IDLE_AGE_PROPERTY = "switchboard.match.maxIdleAgeSeconds";

  /** Setting: feasible servers a decision scores at most (at least 1). */
  public static final String SAMPLE_SIZE_PROPERTY = "switchboard.match.sampleSize";

  /** Setting: steps of looping expressions one decision may spend (at least 1,000). */
  public static final String EVALUATION_BUDGET_PROPERTY = "switchboard.match.evaluationBudget";

  /** Setting: milliseconds one decision's looping evaluations may take (at least 5). */
  public static final String EVALUATION_MILLIS_PROPERTY = "switchboard.match.evaluationMillis";

  /**
   * The policy as the settings give it, with the default weights; a value below its floor counts as
   * the floor, so that a typo cannot make the matcher ignore every server or every expression.
   */
  public static MatchPolicy configured(
      long maxIdleAgeSeconds, int sampleSize, long evaluationBudget, long evaluationMillis) {
    return new MatchPolicy(
        Duration.ofSeconds(Math.max(1, maxIdleAgeSeconds)),
        Math.max(1, sampleSize),
        DEFAULT_WEIGHTS,
        Math.max(1_000, evaluationBudget),
        Duration.ofMillis(Math.max(5, evaluationMillis)));
  }

  /** A user's weight for a term, else the default. */
  double weight(Map<String, Double> userWeights, String term) {
    Double own = userWeights.get(term);
    return own != null ? own : weights.getOrDefault(term, 0.0);
  }
}
