package dev.switchboard.task.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.api.ConflictException;
import dev.switchboard.api.UnknownNameException;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.task.entity.Tier;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A cancellation that cannot be done says why as a type: an unknown id, or a task that ended. */
class CancellationsTest {

  /** An entity manager whose {@code find} answers {@code task}; nothing else is asked of it. */
  static Cancellations cancellationsFinding(Task task) {
    Cancellations cancellations = new Cancellations();
    cancellations.em =
        (EntityManager)
            Proxy.newProxyInstance(
                EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("find")) {
                    return task;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return cancellations;
  }

  @Test
  void anUnknownTaskIsAnUnknownNameNamingTheId() {
    UnknownNameException e =
        assertThrows(UnknownNameException.class, () -> cancellationsFinding(null).cancel(7));
    assertEquals("id", e.field());
    assertEquals("no task with id '7'", e.getMessage());
  }

  @Test
  void aTaskThatEndedIsAConflict() {
    Task task = new Task("sha256", "x", "ann", "c", Instant.now());
    task.moveTo(TaskState.COMPLETED, Instant.now(), Tier.CLIENT, null, "done");
    ConflictException e =
        assertThrows(ConflictException.class, () -> cancellationsFinding(task).cancel(7));
    assertEquals("id", e.field());
    assertEquals("task 7 has already ended: COMPLETED", e.getMessage());
  }
}
