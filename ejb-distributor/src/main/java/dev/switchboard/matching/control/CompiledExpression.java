package dev.switchboard.matching.control;

import dev.cel.common.CelErrorCode;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A type-checked CEL expression ready to evaluate.
 *
 * <p>A cacheable expression reads a server's stable attributes (not its load) and otherwise only
 * named paths of the task, user and client ({@code task.attributes.minCores}). Its value on one
 * server is the same for every task that has the same values on those paths, so results are cached
 * per server under {@link #cacheKey}: tasks with equal requirements share evaluations, as in
 * HTCondor's autoclusters.
 *
 * @param text the source
 * @param program the evaluable program
 * @param cacheable whether results may be cached per server
 * @param outsidePaths the paths read outside the server, each as variable name then fields
 * @param loops whether it has comprehensions: its evaluations are then counted node by node
 */
public record CompiledExpression(
    String text,
    CelRuntime.Program program,
    boolean cacheable,
    List<List<String>> outsidePaths,
    boolean loops) {

  /** Whether it reads nothing but the server's stable attributes. */
  public boolean serverOnly() {
    return cacheable && outsidePaths.isEmpty();
  }

  /**
   * Evaluates against the variables {@code server}, {@code task}, {@code user}, {@code client}.
   *
   * @throws ExpressionFailure if evaluation fails, e.g. a missing attribute
   */
  public Object eval(Map<String, Object> variables) {
    return eval(variables, EvaluationBudget.unlimited());
  }

  /**
   * Evaluates, spending from the decision's budget one step per node visited if it loops.
   *
   * @throws ExpressionFailure if evaluation fails, e.g. a missing attribute
   * @throws EvaluationBudget.Exceeded if the budget, or CEL's iteration limit, runs out
   */
  public Object eval(Map<String, Object> variables, EvaluationBudget budget) {
    try {
      if (!loops) {
        return program.eval(variables);
      }
      return program.trace(variables, (expr, value) -> budget.spend(1));
    } catch (CelEvaluationException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof EvaluationBudget.Exceeded exceeded) {
          throw exceeded;
        }
      }
      if (e.getErrorCode() == CelErrorCode.ITERATION_BUDGET_EXCEEDED) {
        throw new EvaluationBudget.Exceeded(
            "an evaluation exceeds "
                + Expressions.MAX_ITERATIONS
                + " comprehension iterations: "
                + e.getMessage());
      }
      throw new ExpressionFailure(e.getMessage());
    }
  }

  /** The key of this expression's cached results for the task: the values it reads outside. */
  CacheKey cacheKey(TaskSpec task) {
    List<Object> values = new ArrayList<>(outsidePaths.size());
    for (List<String> path : outsidePaths) {
      values.add(task.valueAt(path));
    }
    return new CacheKey(this, values);
  }

  /**
   * The key of a cached result: the expression by identity (each text is compiled once) and the
   * values it read outside the server. The hash is computed once, since a decision looks the same
   * key up on many servers.
   */
  static final class CacheKey {
    private final CompiledExpression expression;
    private final List<Object> values;
    private final int hash;

    CacheKey(CompiledExpression expression, List<Object> values) {
      this.expression = expression;
      this.values = List.copyOf(values);
      this.hash = 31 * System.identityHashCode(expression) + this.values.hashCode();
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof CacheKey key
          && key.expression == expression
          && key.hash == hash
          && key.values.equals(values);
    }
  }

  /** An expression that could not be evaluated for one server: it does not hold there. */
  public static final class ExpressionFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExpressionFailure(String message) {
      super(message, null, false, false);
    }
  }
}
