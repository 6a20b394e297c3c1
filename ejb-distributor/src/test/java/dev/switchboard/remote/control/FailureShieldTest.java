package dev.switchboard.remote.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.InvalidTaskException;
import dev.switchboard.api.PoolRefusedException;
import dev.switchboard.api.ServerFailureException;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.intake.boundary.FrontDistributorPool;
import dev.switchboard.task.boundary.TaskHistory;
import jakarta.interceptor.InvocationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailureShieldTest {

  static final String SQL =
      "org.h2.jdbc.JdbcSQLDataException: Value too long for column INPUT: INSERT INTO SB_TASK";

  /** An invocation of one bean method whose proceed() throws what it is given. */
  record Call(Object target, Method method, Throwable failure) implements InvocationContext {
    @Override
    public Object getTarget() {
      return target;
    }

    @Override
    public Object getTimer() {
      return null;
    }

    @Override
    public Method getMethod() {
      return method;
    }

    @Override
    public Constructor<?> getConstructor() {
      return null;
    }

    @Override
    public Object[] getParameters() {
      return new Object[method.getParameterCount()];
    }

    @Override
    public void setParameters(Object[] params) {}

    @Override
    public Map<String, Object> getContextData() {
      return new HashMap<>();
    }

    @Override
    public Object proceed() throws Exception {
      if (failure instanceof Error error) {
        throw error;
      }
      throw (Exception) failure;
    }
  }

  final List<LogRecord> logged = new ArrayList<>();
  final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  final Logger log = Logger.getLogger(FailureShield.class.getName());

  @BeforeEach
  void listen() {
    log.addHandler(capture);
    log.setUseParentHandlers(false);
  }

  @AfterEach
  void stopListening() {
    log.removeHandler(capture);
    log.setUseParentHandlers(true);
  }

  static Method poolSubmit() throws NoSuchMethodException {
    return FrontDistributorPool.class.getMethod("submit", TaskRequest.class, List.class);
  }

  static Exception thrown(Call call) {
    return assertThrows(Exception.class, () -> new FailureShield().shield(call));
  }

  @Test
  void applicationExceptionsPassUnchanged() throws Exception {
    FrontDistributorPool pool = new FrontDistributorPool();
    InvalidTaskException invalid = new InvalidTaskException("slots", "slots must be at least 1");
    PoolRefusedException refused = new PoolRefusedException("FrontPool1 is draining");

    assertSame(invalid, thrown(new Call(pool, poolSubmit(), invalid)));
    assertSame(refused, thrown(new Call(pool, poolSubmit(), refused)));
    assertTrue(logged.isEmpty());
  }

  @Test
  void anythingElseBecomesAPlainFailureNamingOnlyTheLoggedId() throws Exception {
    IllegalStateException original =
        new IllegalStateException("flush failed", new RuntimeException(SQL));

    Exception thrown = thrown(new Call(new FrontDistributorPool(), poolSubmit(), original));

    ServerFailureException failure = assertInstanceOf(ServerFailureException.class, thrown);
    assertNull(failure.getCause());
    assertEquals(0, failure.getStackTrace().length);
    assertEquals(0, failure.getSuppressed().length);
    assertEquals("internal error " + failure.id() + "; see the server log", failure.getMessage());
    assertFalse(failure.getMessage().contains("flush failed"));
    assertFalse(failure.getMessage().contains("JdbcSQL"));
    assertTrue(failure.id().matches("[0-9a-f]{8}"), failure.id());

    assertEquals(1, logged.size());
    LogRecord record = logged.get(0);
    assertSame(original, record.getThrown());
    assertEquals(failure.id(), record.getParameters()[0]);
    assertEquals(
        "Internal error "
            + failure.id()
            + " in FrontDistributorPool.submit;"
            + " the remote client was told only the id",
        new SimpleFormatter().formatMessage(record));
  }

  @Test
  void theFailureTravelsWithoutStackOrCause() throws Exception {
    Exception thrown =
        thrown(
            new Call(
                new TaskHistory(),
                TaskHistory.class.getMethod("task", long.class),
                new IllegalStateException(SQL)));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(thrown);
    }
    assertFalse(bytes.toString(StandardCharsets.ISO_8859_1).contains("JdbcSQL"));
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      ServerFailureException received = (ServerFailureException) in.readObject();
      assertEquals(thrown.getMessage(), received.getMessage());
      assertNull(received.getCause());
      assertEquals(0, received.getStackTrace().length);
    }
  }

  @Test
  void errorsAreConcealedToo() throws Exception {
    Method explanation = TaskHistory.class.getMethod("explanation", long.class);

    Exception thrown = thrown(new Call(new TaskHistory(), explanation, new StackOverflowError()));

    assertInstanceOf(ServerFailureException.class, thrown);
    assertEquals(1, logged.size());
  }

  @Test
  void localOnlyMethodsKeepTheContainersHandling() throws Exception {
    IllegalArgumentException bad = new IllegalArgumentException("to: give an id range");
    Method timings = TaskHistory.class.getMethod("timings", long.class, long.class);

    assertSame(bad, thrown(new Call(new TaskHistory(), timings, bad)));
    assertTrue(logged.isEmpty());
    assertTrue(
        FailureShield.inRemoteView(
            TaskHistory.class, TaskHistory.class.getMethod("task", long.class)));
    assertTrue(FailureShield.inRemoteView(FrontDistributorPool.class, poolSubmit()));
    assertFalse(
        FailureShield.inRemoteView(
            FrontDistributorPool.class, FrontDistributorPool.class.getMethod("tier2")));
    assertFalse(
        FailureShield.inRemoteView(
            TaskHistory.class, TaskHistory.class.getMethod("find", long.class)));
  }
}
