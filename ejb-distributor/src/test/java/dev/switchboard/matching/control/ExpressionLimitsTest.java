package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.ExpressionError;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExpressionLimitsTest {

  final Expressions expressions = new Expressions();

  static String list(int n) {
    return IntStream.range(0, n)
        .mapToObj(Integer::toString)
        .collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void aLongStringLiteralIsCheckedWithoutOverflowingTheStack() {
    // 2,000 characters overflowed the stack in the literal-stripping regular expression: a 500
    for (int length : new int[] {1_500, 2_000}) {
      String text = "server.zone == '" + "a".repeat(length) + "'";
      assertEquals(
          Optional.empty(),
          expressions.check(Expressions.REQUIREMENTS, text),
          "literal of " + length);
    }
    ExpressionError tooLong =
        expressions
            .check(Expressions.REQUIREMENTS, "server.zone == '" + "a".repeat(3_000) + "'")
            .orElseThrow();
    assertTrue(tooLong.message().contains("at most " + Expressions.MAX_LENGTH), tooLong.message());
  }

  @Test
  void aLongLiteralWithEscapesAndQuotesInsideIsStillOneLiteral() {
    String inside = "\\' task.id ".repeat(150) + "\"";
    assertEquals(
        "server.zone == '' && true",
        ExpressionReads.withoutLiterals("server.zone == '" + inside + "' && true"));
    assertEquals("a == r'' + ''", ExpressionReads.withoutLiterals("a == r'\\' + '''x'y'''"));
    CompiledExpression compiled =
        expressions.compile(
            Expressions.REQUIREMENTS, "server.zone == '" + "task.user ".repeat(190) + "'");
    assertTrue(compiled.serverOnly(), "what a literal holds is not read as code");
  }

  @Test
  void nestedComprehensionsAreRefusedNamingTheLimit() {
    // the shape of the 221-character requirement that held the index's lock for 9 s
    String ten = list(10);
    String nested =
        ten
            + ".all(a, "
            + ten
            + ".all(b, "
            + ten
            + ".all(c, "
            + ten
            + ".all(d, a + b + c + d >= 0))))";
    ExpressionError error = expressions.check(Expressions.REQUIREMENTS, nested).orElseThrow();
    assertTrue(error.message().contains("nests comprehensions 4 deep"), error.message());
    assertTrue(
        error.message().contains("at most " + Expressions.MAX_LOOP_NESTING), error.message());
  }

  @Test
  void comprehensionsOverLongListsAreRefusedByTheirEstimatedCost() {
    String hundred = list(100);
    String costly = hundred + ".all(a, " + hundred + ".exists(b, a == b))";
    ExpressionError error = expressions.check(Expressions.REQUIREMENTS, costly).orElseThrow();
    assertTrue(error.message().contains("too costly"), error.message());
    assertTrue(error.message().contains("at most " + Expressions.MAX_COST), error.message());
  }

  @Test
  void deepNestingIsACleanErrorNotAStackOverflow() {
    String deep = "(".repeat(900) + "true" + ")".repeat(900);
    assertTrue(expressions.check(Expressions.REQUIREMENTS, deep).isPresent());
    String lists = "size(" + "[".repeat(600) + "]".repeat(600) + ") == 1";
    assertTrue(expressions.check(Expressions.REQUIREMENTS, lists).isPresent());
    String sums = "server.power" + " + 1.0".repeat(300) + " > 0.0";
    assertTrue(
        expressions.check(Expressions.REQUIREMENTS, sums).isPresent(),
        "a left-deep tree of 300 additions");
  }

  @Test
  void ordinaryComprehensionsAreAccepted() {
    assertEquals(
        Optional.empty(),
        expressions.check(
            Expressions.REQUIREMENTS, "server.applications.exists(a, a == task.application)"));
    assertEquals(
        Optional.empty(),
        expressions.check(
            Expressions.REQUIREMENTS,
            "server.applications.all(a, ['sha256', 'sort'].exists(b, a != b || b == 'sort'))"));
    CompiledExpression plain = expressions.compile(Expressions.RANK, "server.power * 2.0");
    assertFalse(plain.loops());
  }
}
