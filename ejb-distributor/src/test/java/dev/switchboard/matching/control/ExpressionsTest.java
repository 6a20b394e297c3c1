package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.ExpressionError;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

  final Expressions expressions = new Expressions();

  @Test
  void aValidRequirementCompilesOnceAndIsCached() {
    CompiledExpression first =
        expressions.compile(
            Expressions.REQUIREMENTS, "server.zone == 'zone-a' && server.power > 10");
    assertSame(
        first,
        expressions.compile(
            Expressions.REQUIREMENTS, "server.zone == 'zone-a' && server.power > 10"));
    assertTrue(first.serverOnly());
    assertEquals(true, first.eval(Map.of("server", Map.of("zone", "zone-a", "power", 12.5))));
  }

  @Test
  void aSyntaxErrorNamesItsPosition() {
    ExpressionError error =
        expressions.check(Expressions.REQUIREMENTS, "server.zone ==").orElseThrow();
    assertEquals("requirements", error.field());
    assertEquals(1, error.line());
    assertEquals(15, error.column());
    assertTrue(error.describe().contains("(line 1, column 15)"), error.describe());
  }

  @Test
  void aRequirementMustGiveABoolAndARankANumber() {
    ExpressionError notBool = expressions.check(Expressions.REQUIREMENTS, "1 + 2").orElseThrow();
    assertTrue(notBool.message().contains("bool"), notBool.message());
    ExpressionError notNumber = expressions.check(Expressions.RANK, "'high'").orElseThrow();
    assertTrue(notNumber.message().contains("number"), notNumber.message());
    assertEquals(
        Optional.empty(),
        expressions.check(Expressions.RANK, "server.power * 2.0 + server.attributes.cores"));
  }

  @Test
  void unknownVariablesAndFunctionsAreRejected() {
    assertTrue(expressions.check(Expressions.REQUIREMENTS, "host.zone == 'a'").isPresent());
    assertTrue(
        expressions
            .check(Expressions.REQUIREMENTS, "java.lang.Runtime.getRuntime() != null")
            .isPresent());
    assertTrue(expressions.check(Expressions.REQUIREMENTS, "server.zone.exec('rm')").isPresent());
  }

  @Test
  void expressionsReadingTheTaskUserClientOrLoadAreNotCachedPerServer() {
    assertFalse(
        expressions.compile(Expressions.REQUIREMENTS, "server.zone == client.zone").serverOnly());
    assertFalse(expressions.compile(Expressions.REQUIREMENTS, "server.freeSlots > 2").serverOnly());
    assertFalse(
        expressions
            .compile(Expressions.REQUIREMENTS, "server.idlePowerAge < duration('10s')")
            .serverOnly());
  }

  @Test
  void macrosAndDurationsWork() {
    CompiledExpression all =
        expressions.compile(
            Expressions.REQUIREMENTS, "server.attributes.tags.all(t, t.startsWith('x'))");
    assertEquals(
        true,
        all.eval(Map.of("server", Map.of("attributes", Map.of("tags", java.util.List.of("x1"))))));
    CompiledExpression fresh =
        expressions.compile(Expressions.REQUIREMENTS, "server.idlePowerAge < duration('10s')");
    assertEquals(
        false,
        fresh.eval(Map.of("server", Map.of("idlePowerAge", java.time.Duration.ofSeconds(11)))));
  }

  @Test
  void aMissingAttributeFailsEvaluationInsteadOfMatching() {
    CompiledExpression gpu =
        expressions.compile(Expressions.REQUIREMENTS, "server.attributes.gpu == 'a100'");
    assertThrows(
        CompiledExpression.ExpressionFailure.class,
        () -> gpu.eval(Map.of("server", Map.of("attributes", Map.of()))));
    assertEquals(
        false,
        expressions
            .compile(
                Expressions.REQUIREMENTS,
                "has(server.attributes.gpu) && server.attributes.gpu == 'a100'")
            .eval(Map.of("server", Map.of("attributes", Map.of()))));
  }

  @Test
  void blankMeansNoExpression() {
    assertNull(expressions.compile(Expressions.RANK, "  "));
    assertNull(expressions.compile(Expressions.REQUIREMENTS, null));
  }
}
