package dev.switchboard.matching.control;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.switchboard.api.Attributes;

/**
 * What a type-checked expression may cost, read from its syntax tree before it is ever evaluated:
 * how deep it nests, how deep its comprehensions ({@code all}, {@code exists}, {@code map}, {@code
 * filter}) nest inside one another, and an estimate of the nodes one evaluation visits, each loop
 * body counted once per element it may see. CEL 0.14 offers no cost estimate of its own.
 *
 * <p>A loop over a list or map written in the expression sees that many elements; one over anything
 * else is assumed to see {@link #ASSUMED_RANGE}, the most a list attribute may hold.
 *
 * @param depth the deepest nesting of the tree
 * @param loopNesting the deepest nesting of comprehensions in each other's bodies
 * @param cost the estimated nodes visited by one evaluation
 */
record ExpressionCost(int depth, int loopNesting, long cost) {

  /** Elements a loop over a value not written in the expression is assumed to see. */
  static final int ASSUMED_RANGE = Attributes.MAX_LIST;

  /** Whether evaluating it may loop. */
  boolean loops() {
    return loopNesting > 0;
  }

  static ExpressionCost of(CelExpr root) {
    Walk walk = new Walk();
    walk.visit(root, 1, 0, 1);
    return new ExpressionCost(walk.depth, walk.loopNesting, walk.cost);
  }

  /** Accumulates the figures over one walk of the tree. */
  private static final class Walk {
    int depth;
    int loopNesting;
    long cost;

    void visit(CelExpr expr, int level, int loops, long times) {
      depth = Math.max(depth, level);
      loopNesting = Math.max(loopNesting, loops);
      cost = saturatedAdd(cost, times);
      int next = level + 1;
      switch (expr.getKind()) {
        case SELECT -> visit(expr.select().operand(), next, loops, times);
        case CALL -> {
          expr.call().target().ifPresent(t -> visit(t, next, loops, times));
          expr.call().args().forEach(a -> visit(a, next, loops, times));
        }
        case LIST -> expr.list().elements().forEach(e -> visit(e, next, loops, times));
        case MAP ->
            expr.map()
                .entries()
                .forEach(
                    e -> {
                      visit(e.key(), next, loops, times);
                      visit(e.value(), next, loops, times);
                    });
        case STRUCT -> expr.struct().entries().forEach(e -> visit(e.value(), next, loops, times));
        case COMPREHENSION -> {
          CelComprehension c = expr.comprehension();
          visit(c.iterRange(), next, loops, times);
          visit(c.accuInit(), next, loops, times);
          long body = saturatedMultiply(times, range(c.iterRange()));
          visit(c.loopCondition(), next, loops + 1, body);
          visit(c.loopStep(), next, loops + 1, body);
          visit(c.result(), next, loops, times);
        }
        default -> {
          // constants and identifiers have no children
        }
      }
    }
  }

  /** How many elements a loop over this value is expected to see. */
  private static long range(CelExpr iterRange) {
    return switch (iterRange.getKind()) {
      case LIST -> iterRange.list().elements().size();
      case MAP -> iterRange.map().entries().size();
      // map and filter give at most as many elements as they loop over
      case COMPREHENSION -> range(iterRange.comprehension().iterRange());
      default -> ASSUMED_RANGE;
    };
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long saturatedMultiply(long a, long b) {
    return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }
}
