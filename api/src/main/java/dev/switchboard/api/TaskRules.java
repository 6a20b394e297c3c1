package dev.switchboard.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule a task request must pass, in one place, whichever way it comes in: REST, the console's
 * submit form and the tier-1 pools themselves (local and remote EJB), which check again before
 * persisting anything, whatever the client checked. JMS carries no requests in: tier 2 reads the
 * tasks the pools persisted, by id.
 *
 * <p>The rules: the form of each field (required, lengths within the task table's columns, ranges,
 * the shape of identifiers and attribute names), then an application some registered server has,
 * then expressions that type-check. Each violation names its field. {@link #check} stops at the
 * first fault, so a request whose form is wrong never has its expressions compiled; {@link
 * #violations} finds every field at fault, for a form that shows each message next to its field.
 */
public final class TaskRules {

  /** A violated rule: the field at fault and what is wrong, in words that name the field. */
  public record Violation(String field, String message) {}

  /** Longest application name (column SB_TASK.APPLICATION). */
  public static final int MAX_APPLICATION = 64;

  /** Longest input (column SB_TASK.INPUT_DATA); larger payloads belong in external storage. */
  public static final int MAX_INPUT = 65_536;

  /** Longest user or client id (columns USER_ID, CLIENT_ID). */
  public static final int MAX_ID = 128;

  public static final int MAX_SLOTS = 64;

  /** Longest requirements or rank expression (columns REQUIREMENTS, RANK_EXPR). */
  public static final int MAX_EXPRESSION = 2_048;

  /** Longest timeout of a run: a day. */
  public static final int MAX_TIMEOUT = 86_400;

  public static final int MAX_RETRIES = 10;

  public static final int MAX_ATTRIBUTES = 32;

  public static final int MAX_ATTRIBUTE_VALUE = 512;

  /** Longest attributes as the JSON object they are stored as (column SB_TASK.ATTRIBUTES). */
  public static final int MAX_ATTRIBUTES_JSON = 4_096;

  /** Most tasks in one batch. */
  public static final int MAX_BATCH = 1_000;

  private final Set<String> applications;
  private final ExpressionCheck expressions;

  /**
   * @param applications the applications the registered servers have
   * @param expressions the type-checker of requirements and rank expressions
   */
  public TaskRules(Set<String> applications, ExpressionCheck expressions) {
    this.applications = Set.copyOf(applications);
    this.expressions = expressions;
  }

  /**
   * @throws InvalidTaskException for the first rule the request breaks
   */
  public void check(TaskRequest request) {
    if (request == null) {
      throw new InvalidTaskException(null, "a task request is required");
    }
    Map<String, String> faults = new LinkedHashMap<>();
    form(request, faults);
    known(request.application(), faults);
    if (faults.isEmpty()) {
      expression(ExpressionCheck.REQUIREMENTS, request.requirements(), faults);
    }
    if (faults.isEmpty()) {
      expression(ExpressionCheck.RANK, request.rank(), faults);
    }
    if (!faults.isEmpty()) {
      Map.Entry<String, String> first = faults.entrySet().iterator().next();
      throw new InvalidTaskException(first.getKey(), first.getValue());
    }
  }

  /**
   * Checks a batch: 1 to {@value #MAX_BATCH} requests, each of them valid.
   *
   * @throws InvalidTaskException naming the first task and field at fault, e.g. {@code
   *     tasks[3].user}
   */
  public void checkAll(List<TaskRequest> requests) {
    if (requests == null || requests.isEmpty() || requests.size() > MAX_BATCH) {
      throw new InvalidTaskException(
          "tasks", "tasks must be a list of 1 to " + MAX_BATCH + " task objects");
    }
    for (int i = 0; i < requests.size(); i++) {
      try {
        check(requests.get(i));
      } catch (InvalidTaskException e) {
        throw e.inBatchAt(i);
      }
    }
  }

  /**
   * Every field at fault, at most one violation per field: form first, then the application, then
   * the expressions; empty for a valid request.
   */
  public List<Violation> violations(TaskRequest request) {
    if (request == null) {
      return List.of(new Violation(null, "a task request is required"));
    }
    Map<String, String> faults = new LinkedHashMap<>();
    form(request, faults);
    known(request.application(), faults);
    expression(ExpressionCheck.REQUIREMENTS, request.requirements(), faults);
    expression(ExpressionCheck.RANK, request.rank(), faults);
    List<Violation> violations = new ArrayList<>(faults.size());
    faults.forEach((field, message) -> violations.add(new Violation(field, message)));
    return violations;
  }

  private static void form(TaskRequest r, Map<String, String> faults) {
    text("application", r.application(), MAX_APPLICATION, true, faults);
    if (r.input() == null) {
      faults.put("input", "input is required");
    } else {
      text("input", r.input(), MAX_INPUT, false, faults);
    }
    identifier("user", r.user(), faults);
    identifier("client", r.client(), faults);
    range("slots", r.slots(), 1, MAX_SLOTS, "", faults);
    if (Double.isNaN(r.minPower()) || Double.isInfinite(r.minPower())) {
      faults.put("minPower", "minPower must be a finite number");
    } else if (r.minPower() < 0) {
      faults.put("minPower", "minPower must not be negative");
    }
    text(ExpressionCheck.REQUIREMENTS, r.requirements(), MAX_EXPRESSION, false, faults);
    text(ExpressionCheck.RANK, r.rank(), MAX_EXPRESSION, false, faults);
    attributes(r.attributes(), faults);
    range("timeoutSeconds", r.timeoutSeconds(), 1, MAX_TIMEOUT, " (a day)", faults);
    if (r.maxRetries() < 0) {
      faults.put("maxRetries", "maxRetries must not be negative");
    } else {
      range("maxRetries", r.maxRetries(), 0, MAX_RETRIES, "", faults);
    }
  }

  /** A text of at most {@code max} characters, without NUL (which PostgreSQL cannot store). */
  private static void text(
      String field, String value, int max, boolean required, Map<String, String> faults) {
    if (value == null || (required && value.isBlank())) {
      if (required) {
        faults.put(field, field + " is required");
      }
    } else if (value.length() > max) {
      faults.put(field, field + " is longer than " + max + " characters");
    } else if (value.indexOf('\0') >= 0) {
      faults.put(field, field + " must not contain the NUL character");
    }
  }

  private static void identifier(String field, String value, Map<String, String> faults) {
    text(field, value, MAX_ID, true, faults);
    if (!faults.containsKey(field) && !Ids.NAME.matcher(value).matches()) {
      faults.put(field, field + " " + Ids.MESSAGE);
    }
  }

  private static void range(
      String field, int value, int min, int max, String unit, Map<String, String> faults) {
    if (value < min) {
      faults.put(field, field + " must be at least " + min);
    } else if (value > max) {
      faults.put(field, field + " must be at most " + max + unit);
    }
  }

  private static void attributes(Map<String, String> attributes, Map<String, String> faults) {
    if (attributes == null) { // only a hand-made serialised request can lack the map
      faults.put("attributes", "attributes must be a map, empty for none");
      return;
    }
    if (attributes.size() > MAX_ATTRIBUTES) {
      faults.put("attributes", "attributes has more than " + MAX_ATTRIBUTES + " entries");
      return;
    }
    int json = 2 + Math.max(0, attributes.size() - 1); // braces and commas
    for (Map.Entry<String, String> entry : attributes.entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (name == null || !Ids.KEY.matcher(name).matches()) {
        faults.put("attributes", "attribute names " + Ids.KEY_MESSAGE);
        return;
      }
      if (value == null) {
        faults.put("attributes", "attribute " + name + " has no value");
        return;
      }
      if (value.length() > MAX_ATTRIBUTE_VALUE) {
        faults.put(
            "attributes", "attribute values are at most " + MAX_ATTRIBUTE_VALUE + " characters");
        return;
      }
      if (value.indexOf('\0') >= 0) {
        faults.put("attributes", "attribute " + name + " must not contain the NUL character");
        return;
      }
      json += name.length() + 3 + jsonLength(value) + 2; // "name":"value"
    }
    if (json > MAX_ATTRIBUTES_JSON) {
      faults.put(
          "attributes",
          "attributes take "
              + json
              + " characters as JSON, more than the "
              + MAX_ATTRIBUTES_JSON
              + " they may take");
    }
  }

  /** Characters of a string's value in JSON, at most (a control character may take six). */
  private static int jsonLength(String value) {
    int length = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      length += c == '"' || c == '\\' ? 2 : c < 0x20 ? 6 : 1;
    }
    return length;
  }

  /** An application some registered server has, once its name's form is sound. */
  private void known(String application, Map<String, String> faults) {
    if (faults.containsKey("application") || applications.contains(application)) {
      return;
    }
    faults.put(
        "application",
        "unknown application '"
            + application
            + "'; "
            + (applications.isEmpty()
                ? "no server has registered yet"
                : "the registered servers have "
                    + String.join(", ", applications.stream().sorted().toList())));
  }

  /** Type-checks an expression whose form is sound; blank means none. */
  private void expression(String field, String text, Map<String, String> faults) {
    if (faults.containsKey(field) || text == null || text.isBlank()) {
      return;
    }
    Optional<ExpressionError> error = expressions.check(field, text);
    error.ifPresent(e -> faults.put(field, e.describe()));
  }
}
