package dev.switchboard.matching.boundary;

import dev.switchboard.api.ExpressionCheck;
import dev.switchboard.api.ExpressionError;
import dev.switchboard.matching.control.Expressions;
import dev.switchboard.matching.control.Matcher;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import java.util.Optional;

/**
 * The one compiler of task expressions: checks them at submission (REST, console, remote EJB) and
 * compiles them for the {@link Matcher}, with one cache for both. Every limit an expression must
 * meet (length, depth, nesting of comprehensions, estimated cost) is checked here, so a task the
 * check accepts is one the matcher can evaluate within its budget. Read-locked only: a check never
 * waits for a decision.
 */
@Singleton
@LocalBean
@Lock(LockType.READ)
public class ExpressionChecker implements ExpressionCheck {

  private final Expressions expressions = new Expressions();

  @Override
  public Optional<ExpressionError> check(String field, String expression) {
    return expressions.check(field, expression);
  }

  /** The compiler and its cache; thread-safe. */
  public Expressions expressions() {
    return expressions;
  }
}
