package dev.switchboard.api;

import jakarta.ejb.Local;
import java.util.Optional;

/** Type-checks a task's expressions at submission, before anything is persisted. */
@Local
public interface ExpressionCheck {

  /** The field of a requirements expression: it must give a bool. */
  String REQUIREMENTS = "requirements";

  /** The field of a rank expression: it must give a number. */
  String RANK = "rank";

  /**
   * @param field {@code requirements} (must give a bool) or {@code rank} (must give a number)
   * @param expression the CEL text
   * @return the first error, with its position, or empty if the expression is valid
   */
  Optional<ExpressionError> check(String field, String expression);
}
