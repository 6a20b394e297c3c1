package dev.switchboard.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskRulesTest {

  /** Says "requirements: no" for the text "bad", and counts what it was asked to check. */
  static final class FakeExpressions implements ExpressionCheck {
    final AtomicInteger asked = new AtomicInteger();

    @Override
    public Optional<ExpressionError> check(String field, String expression) {
      asked.incrementAndGet();
      return expression.equals("bad")
          ? Optional.of(new ExpressionError(field, "no", 1, 2))
          : Optional.empty();
    }
  }

  final FakeExpressions expressions = new FakeExpressions();
  final TaskRules rules = new TaskRules(Set.of("sha256", "sort"), expressions);

  /** A valid request with one value changed by the caller. */
  static final class Request {
    String application = "sha256";
    String input = "hello";
    String user = "alice";
    String client = "cli-1";
    int slots = 1;
    double minPower = 0;
    String requirements;
    String rank;
    Map<String, String> attributes = Map.of();
    int timeoutSeconds = 300;
    int maxRetries = 0;

    TaskRequest build() {
      return new TaskRequest(
          application,
          input,
          user,
          client,
          slots,
          minPower,
          requirements,
          rank,
          attributes,
          timeoutSeconds,
          maxRetries);
    }
  }

  interface Change {
    void apply(Request r);
  }

  InvalidTaskException refused(Change change) {
    Request request = new Request();
    change.apply(request);
    return assertThrows(InvalidTaskException.class, () -> rules.check(request.build()));
  }

  void refusedNaming(String field, String message, Change change) {
    InvalidTaskException e = refused(change);
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(message, e.getMessage());
  }

  @Test
  void aValidRequestPasses() {
    assertDoesNotThrow(() -> rules.check(new Request().build()));
    Request full = new Request();
    full.slots = 64;
    full.minPower = 12.5;
    full.requirements = "server.zone == 'a'";
    full.rank = "1.0";
    full.attributes = Map.of("gpu", "a100", "_x1", "");
    full.timeoutSeconds = 86_400;
    full.maxRetries = 10;
    full.input = "x".repeat(TaskRules.MAX_INPUT);
    full.user = "u".repeat(TaskRules.MAX_ID);
    assertDoesNotThrow(() -> rules.check(full.build()));
    assertEquals(List.of(), rules.violations(full.build()));
  }

  @Test
  void requiredFieldsAreNamed() {
    refusedNaming("application", "application is required", r -> r.application = null);
    refusedNaming("application", "application is required", r -> r.application = "  ");
    refusedNaming("input", "input is required", r -> r.input = null);
    refusedNaming("user", "user is required", r -> r.user = null);
    refusedNaming("client", "client is required", r -> r.client = "");
  }

  @Test
  void lengthsStayWithinTheColumns() {
    refusedNaming(
        "application",
        "application is longer than 64 characters",
        r -> r.application = "a".repeat(65));
    refusedNaming(
        "input", "input is longer than 65536 characters", r -> r.input = "x".repeat(70_000));
    refusedNaming("user", "user is longer than 128 characters", r -> r.user = "u".repeat(129));
    refusedNaming(
        "client", "client is longer than 128 characters", r -> r.client = "c".repeat(129));
    refusedNaming(
        "requirements",
        "requirements is longer than 2048 characters",
        r -> r.requirements = "x".repeat(2_049));
    refusedNaming("rank", "rank is longer than 2048 characters", r -> r.rank = "1".repeat(2_049));
  }

  @Test
  void identifiersHaveTheirShape() {
    refusedNaming("user", "user " + Ids.MESSAGE, r -> r.user = "eve smith");
    refusedNaming("client", "client " + Ids.MESSAGE, r -> r.client = "<script>");
  }

  @Test
  void numbersStayInTheirRanges() {
    refusedNaming("slots", "slots must be at least 1", r -> r.slots = -1);
    refusedNaming("slots", "slots must be at least 1", r -> r.slots = 0);
    refusedNaming("slots", "slots must be at most 64", r -> r.slots = 65);
    refusedNaming("minPower", "minPower must not be negative", r -> r.minPower = -1);
    refusedNaming("minPower", "minPower must be a finite number", r -> r.minPower = Double.NaN);
    refusedNaming(
        "minPower", "minPower must be a finite number", r -> r.minPower = Double.POSITIVE_INFINITY);
    refusedNaming(
        "timeoutSeconds", "timeoutSeconds must be at least 1", r -> r.timeoutSeconds = -5);
    refusedNaming(
        "timeoutSeconds",
        "timeoutSeconds must be at most 86400 (a day)",
        r -> r.timeoutSeconds = 86_401);
    refusedNaming("maxRetries", "maxRetries must not be negative", r -> r.maxRetries = -1);
    refusedNaming("maxRetries", "maxRetries must be at most 10", r -> r.maxRetries = 1_000_000);
  }

  @Test
  void attributesAreFewShortAndNamedLikeIdentifiers() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 33; i++) {
      many.put("k" + i, "v");
    }
    refusedNaming("attributes", "attributes has more than 32 entries", r -> r.attributes = many);
    refusedNaming(
        "attributes", "attribute names " + Ids.KEY_MESSAGE, r -> r.attributes = Map.of("a-b", "1"));
    refusedNaming(
        "attributes",
        "attribute values are at most 512 characters",
        r -> r.attributes = Map.of("a", "x".repeat(513)));
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("a", null);
    refusedNaming("attributes", "attribute a has no value", r -> r.attributes = nullValue);
  }

  @Test
  void attributesMustFitTheirColumnAsJson() {
    Map<String, String> wide = new LinkedHashMap<>();
    for (int i = 0; i < 32; i++) {
      wide.put("k" + i, "x".repeat(500));
    }
    InvalidTaskException e = refused(r -> r.attributes = wide);
    assertEquals("attributes", e.field());
    assertTrue(e.getMessage().contains("more than the 4096 they may take"), e.getMessage());
    Map<String, String> fits = new LinkedHashMap<>();
    for (int i = 0; i < 7; i++) {
      fits.put("k" + i, "x".repeat(500));
    }
    Request request = new Request();
    request.attributes = fits;
    assertDoesNotThrow(() -> rules.check(request.build()));
  }

  @Test
  void theNulCharacterIsRefusedSincePostgresqlCannotStoreIt() {
    refusedNaming("input", "input must not contain the NUL character", r -> r.input = "a\0b");
    refusedNaming(
        "attributes",
        "attribute a must not contain the NUL character",
        r -> r.attributes = Map.of("a", "\0"));
  }

  @Test
  void theApplicationMustBeOneARegisteredServerHas() {
    InvalidTaskException e = refused(r -> r.application = "rm -rf");
    assertEquals("application", e.field());
    assertEquals(
        "unknown application 'rm -rf'; the registered servers have sha256, sort", e.getMessage());
    InvalidTaskException none =
        assertThrows(
            InvalidTaskException.class,
            () -> new TaskRules(Set.of(), expressions).check(new Request().build()));
    assertEquals("application", none.field());
    assertTrue(none.getMessage().endsWith("no server has registered yet"), none.getMessage());
  }

  @Test
  void expressionsAreTypeCheckedAndTheirErrorNamesTheField() {
    refusedNaming(
        "requirements", "requirements: no (line 1, column 2)", r -> r.requirements = "bad");
    refusedNaming("rank", "rank: no (line 1, column 2)", r -> r.rank = "bad");
  }

  @Test
  void checkStopsBeforeCompilingWhenTheFormIsWrong() {
    refused(
        r -> {
          r.slots = -1;
          r.requirements = "bad";
        });
    assertEquals(0, expressions.asked.get());
    Request request = new Request();
    request.requirements = "  ";
    assertDoesNotThrow(() -> rules.check(request.build()));
    assertEquals(0, expressions.asked.get(), "a blank expression is none");
  }

  @Test
  void violationsListEveryFieldAtFaultForTheForm() {
    Request request = new Request();
    request.slots = 0;
    request.requirements = "bad";
    request.application = "nope";
    List<TaskRules.Violation> violations = rules.violations(request.build());
    assertEquals(
        List.of("slots", "application", "requirements"),
        violations.stream().map(TaskRules.Violation::field).toList());
    assertEquals("slots must be at least 1", violations.get(0).message());
  }

  @Test
  void aBatchNamesTheTaskAtFault() {
    Request bad = new Request();
    bad.user = null;
    InvalidTaskException e =
        assertThrows(
            InvalidTaskException.class,
            () -> rules.checkAll(List.of(new Request().build(), bad.build())));
    assertEquals("tasks[1].user", e.field());
    assertEquals("in tasks[1]: user is required", e.getMessage());
    assertEquals(
        "tasks", assertThrows(InvalidTaskException.class, () -> rules.checkAll(List.of())).field());
    List<TaskRequest> tooMany = new ArrayList<>();
    for (int i = 0; i <= TaskRules.MAX_BATCH; i++) {
      tooMany.add(new Request().build());
    }
    assertEquals(
        "tasks", assertThrows(InvalidTaskException.class, () -> rules.checkAll(tooMany)).field());
    List<TaskRequest> withNull = new ArrayList<>();
    withNull.add(null);
    InvalidTaskException missing =
        assertThrows(InvalidTaskException.class, () -> rules.checkAll(withNull));
    assertEquals("tasks[0]", missing.field());
  }

  @Test
  void theExceptionTravelsWithoutTheServersStackTrace() throws Exception {
    InvalidTaskException e = refused(r -> r.slots = -1);
    assertEquals(0, e.getStackTrace().length);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      InvalidTaskException copy = (InvalidTaskException) in.readObject();
      assertEquals("slots", copy.field());
      assertEquals("slots must be at least 1", copy.getMessage());
      assertNull(copy.getCause());
    }
  }
}
