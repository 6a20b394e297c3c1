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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles the requirements and rank expressions of tasks: CEL, a safe language without loops or
 * side effects, over the variables {@code server}, {@code task}, {@code user} and {@code client}.
 * Each distinct text is compiled once and kept; a requirement must give a bool and a rank a number,
 * and errors carry their position.
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

  private static final CelOptions OPTIONS =
      CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

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

  /** The first error of a requirements or rank expression, or null if it is valid. */
  public ExpressionError check(String field, String text) {
    try {
      compile(field, text);
      return null;
    } catch (InvalidExpressionException e) {
      return e.error();
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
    CelAbstractSyntaxTree ast;
    try {
      ast = compiler.compile(text).getAst();
    } catch (CelValidationException e) {
      throw new InvalidExpressionException(firstError(field, e));
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
    try {
      ExpressionReads.Reads reads = ExpressionReads.of(text);
      return new CompiledExpression(
          text, runtime.createProgram(ast), reads.cacheable(), reads.paths());
    } catch (CelEvaluationException e) {
      throw new InvalidExpressionException(new ExpressionError(field, e.getMessage(), 1, 1));
    }
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
