package dev.switchboard.matching.control;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.switchboard.api.ExpressionCheck;
import dev.switchboard.api.ExpressionError;
import dev.switchboard.task.entity.Task;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles the requirements and rank expressions of tasks: CEL, a safe language without loops or
 * side effects, over the variables {@code server}, {@code task}, {@code user} and {@code client}.
 * Each distinct text is compiled once and kept; a requirement must give a bool and a rank a number,
 * and errors carry their position.
 *
 * <p>CEL always ends, but a few nested comprehensions over literal lists made one evaluation take
 * seconds. So an expression is bounded before it is accepted: its length, the depth of its tree,
 * how deep its comprehensions nest and its estimated cost ({@link ExpressionCost}); and each
 * evaluation is bounded by CEL's own iteration limit and the caller's {@link EvaluationBudget}.
 */
public final class Expressions {

  /** Fields whose compiled form this class makes. */
  public static final String REQUIREMENTS = ExpressionCheck.REQUIREMENTS;

  public static final String RANK = ExpressionCheck.RANK;

  /** Distinct expressions kept compiled; past this the cache starts again. */
  static final int CACHE_LIMIT = 10_000;

  private static final Set<CelKind> NUMERIC =
      Set.of(CelKind.INT, CelKind.UINT, CelKind.DOUBLE, CelKind.DYN);

  private static final MapType ATTRIBUTES = MapType.create(SimpleType.STRING, SimpleType.DYN);

  /** Longest expression text accepted: the length of its column. */
  public static final int MAX_LENGTH = Task.MAX_EXPRESSION;

  /** Deepest nesting of the parsed expression (CEL's parser) and of its checked tree. */
  public static final int MAX_DEPTH = 48;

  /** Comprehensions nested in each other's bodies, at most. */
  public static final int MAX_LOOP_NESTING = 2;

  /** Most nodes one evaluation is estimated to visit (see {@link ExpressionCost}). */
  public static final long MAX_COST = 20_000;

  /** Most comprehension iterations of one evaluation, enforced by CEL's runtime. */
  public static final int MAX_ITERATIONS = 5_000;

  private static final CelOptions OPTIONS =
      CelOptions.current()
          .enableHeterogeneousNumericComparisons(true)
          .maxExpressionCodePointSize(MAX_LENGTH)
          .maxParseRecursionDepth(MAX_DEPTH)
          .comprehensionMaxIterations(MAX_ITERATIONS)
          .build();

  private final CelCompiler compiler = compiler();
  private final CelRuntime runtime =
      CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
  private final Map<String, CompiledExpression> requirements = new ConcurrentHashMap<>();
  private final Map<String, CompiledExpression> ranks = new ConcurrentHashMap<>();

  private static CelCompiler compiler() {
    return CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("server", ATTRIBUTES)
        .addVar("task", ATTRIBUTES)
        .addVar("user", ATTRIBUTES)
        .addVar("client", ATTRIBUTES)
        .build();
  }

  /** The first error of a requirements or rank expression, or empty if it is valid. */
  public Optional<ExpressionError> check(String field, String text) {
    try {
      compile(field, text);
      return Optional.empty();
    } catch (InvalidExpressionException e) {
      return Optional.of(e.error());
    }
  }

  /**
   * @param field {@link #REQUIREMENTS} or {@link #RANK}
   * @return the compiled expression, or null for a null or blank text
   * @throws InvalidExpressionException if it does not parse, does not type-check or gives the wrong
   *     type
   */
  public CompiledExpression compile(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    boolean requirement = REQUIREMENTS.equals(field);
    if (!requirement && !RANK.equals(field)) {
      throw new IllegalArgumentException("no expression field " + field);
    }
    Map<String, CompiledExpression> cache = requirement ? requirements : ranks;
    CompiledExpression cached = cache.get(text);
    if (cached != null) {
      return cached;
    }
    CompiledExpression compiled = doCompile(field, text, requirement);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(text, compiled);
    return compiled;
  }

  private CompiledExpression doCompile(String field, String text, boolean requirement) {
    if (text.length() > MAX_LENGTH) {
      throw invalid(field, "is " + text.length() + " characters long, at most " + MAX_LENGTH);
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = compiler.compile(text).getAst();
    } catch (CelValidationException e) {
      throw new InvalidExpressionException(firstError(field, e));
    } catch (StackOverflowError e) {
      // CEL's parser is recursive; its own depth limit should come first, this is the backstop
      throw invalid(field, "nests too deeply, at most " + MAX_DEPTH + " levels");
    }
    CelKind kind = ast.getResultType().kind();
    if (requirement && kind != CelKind.BOOL && kind != CelKind.DYN) {
      throw new InvalidExpressionException(
          new ExpressionError(
              field, "must give a bool, gives " + ast.getResultType().name(), 1, 1));
    }
    if (!requirement && !NUMERIC.contains(kind)) {
      throw new InvalidExpressionException(
          new ExpressionError(
              field, "must give a number, gives " + ast.getResultType().name(), 1, 1));
    }
    ExpressionCost cost = bounded(field, ExpressionCost.of(ast.getExpr()));
    try {
      ExpressionReads.Reads reads = ExpressionReads.of(text);
      return new CompiledExpression(
          text, runtime.createProgram(ast), reads.cacheable(), reads.paths(), cost.loops());
    } catch (CelEvaluationException e) {
      throw new InvalidExpressionException(new ExpressionError(field, e.getMessage(), 1, 1));
    }
  }

  /** The cost if it is within every limit; the reason names the limit otherwise. */
  private static ExpressionCost bounded(String field, ExpressionCost cost) {
    if (cost.depth() > MAX_DEPTH) {
      throw invalid(field, "nests " + cost.depth() + " levels deep, at most " + MAX_DEPTH);
    }
    if (cost.loopNesting() > MAX_LOOP_NESTING) {
      throw invalid(
          field,
          "nests comprehensions "
              + cost.loopNesting()
              + " deep (all, exists, exists_one, map, filter), at most "
              + MAX_LOOP_NESTING);
    }
    if (cost.cost() > MAX_COST) {
      throw invalid(
          field,
          "is too costly: an evaluation may visit about "
              + cost.cost()
              + " nodes, at most "
              + MAX_COST
              + " (a comprehension's body counts once per element it may see, "
              + ExpressionCost.ASSUMED_RANGE
              + " for a list not written in the expression)");
    }
    return cost;
  }

  private static InvalidExpressionException invalid(String field, String message) {
    return new InvalidExpressionException(new ExpressionError(field, message, 1, 1));
  }

  private static ExpressionError firstError(String field, CelValidationException e) {
    if (e.getErrors().isEmpty()) {
      return new ExpressionError(field, e.getMessage(), 1, 1);
    }
    CelIssue issue = e.getErrors().get(0);
    int line = Math.max(1, issue.getSourceLocation().getLine());
    int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
    return new ExpressionError(field, issue.getMessage(), line, column);
  }

  /** An expression rejected at compile time. */
  public static final class InvalidExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ExpressionError error;

    InvalidExpressionException(ExpressionError error) {
      super(error.describe());
      this.error = error;
    }

    public ExpressionError error() {
      return error;
    }
  }
}
