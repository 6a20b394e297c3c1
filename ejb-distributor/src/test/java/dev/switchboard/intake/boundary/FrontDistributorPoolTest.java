package dev.switchboard.intake.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.api.InvalidTaskException;
import dev.switchboard.api.ServerRegistration;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerView;
import dev.switchboard.api.TaskRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pool checks every request itself, before it looks at its state, its admission or the
 * database: the pool here has neither, so reaching any of them would fail with another exception.
 */
class FrontDistributorPoolTest {

  /** A registry whose servers have sha256; nothing else is asked of it. */
  static final class Registry implements ServerRegistry {
    @Override
    public ServerView register(ServerRegistration registration) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void registerAll(List<ServerRegistration> registrations) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerView changeState(String name, String state) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<ServerView> servers() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> knownApplications() {
      return Set.of("sha256");
    }
  }

  static FrontDistributorPool pool() {
    FrontDistributorPool pool = new FrontDistributorPool();
    pool.poolName = "FrontPool1";
    pool.servers = new Registry();
    pool.expressions = (field, text) -> Optional.empty();
    return pool;
  }

  static TaskRequest request(
      String application, int slots, int timeout, int retries, String input) {
    return new TaskRequest(
        application, input, "mallory", "ejb", slots, 0, null, null, Map.of(), timeout, retries);
  }

  static String refusedField(TaskRequest request) {
    return assertThrows(InvalidTaskException.class, () -> pool().submit(request, List.of()))
        .field();
  }

  @Test
  void eachHostileRemoteSubmissionIsRefusedNamingItsField() {
    assertEquals("slots", refusedField(request("sha256", -1, 300, 0, "x")));
    assertEquals("application", refusedField(request("nope", 1, 300, 0, "x")));
    assertEquals("timeoutSeconds", refusedField(request("sha256", 1, -5, 0, "x")));
    assertEquals("maxRetries", refusedField(request("sha256", 1, 300, 1_000_000, "x")));
    assertEquals("input", refusedField(request("sha256", 1, 300, 0, "x".repeat(70_000))));
    assertNull(refusedField(null));
  }

  @Test
  void aBatchIsRefusedWholeNamingTheTask() {
    InvalidTaskException e =
        assertThrows(
            InvalidTaskException.class,
            () ->
                pool()
                    .submitAll(
                        List.of(
                            request("sha256", 1, 300, 0, "ok"), request("sha256", 0, 300, 0, "")),
                        null));
    assertEquals("tasks[1].slots", e.field());
    assertEquals("in tasks[1]: slots must be at least 1", e.getMessage());
  }
}
