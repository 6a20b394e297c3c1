package dev.switchboard.matching.control;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * A type-checked CEL expression ready to evaluate. One that reads only stable server attributes
 * ({@link #serverOnly()}) gives the same result for every task on the same server attributes, so
 * its results may be cached per server.
 *
 * @param text the source
 * @param program the evaluable program
 * @param serverOnly whether it reads nothing but the server's attributes, and not its load
 */
public record CompiledExpression(String text, CelRuntime.Program program, boolean serverOnly) {

  /**
   * Evaluates against the variables {@code server}, {@code task}, {@code user}, {@code client}.
   *
   * @throws ExpressionFailure if evaluation fails, e.g. a missing attribute
   */
  public Object eval(Map<String, Object> variables) {
    try {
      return program.eval(variables);
    } catch (CelEvaluationException e) {
      throw new ExpressionFailure(e.getMessage());
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
