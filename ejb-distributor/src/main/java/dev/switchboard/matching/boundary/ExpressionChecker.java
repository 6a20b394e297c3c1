package dev.switchboard.matching.boundary;

import dev.switchboard.api.ExpressionCheck;
import dev.switchboard.api.ExpressionError;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Optional;

/** Type-checks task expressions at submission with the matcher's own compiler and cache. */
@Stateless
public class ExpressionChecker implements ExpressionCheck {

  @EJB ServerIndex index;

  @Override
  public Optional<ExpressionError> check(String field, String expression) {
    return Optional.ofNullable(index.expressions().check(field, expression));
  }
}
