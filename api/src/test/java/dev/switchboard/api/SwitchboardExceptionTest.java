package dev.switchboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.ejb.ApplicationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind travels to a remote client as it is: an application exception, serializable. */
class SwitchboardExceptionTest {

  static final List<SwitchboardException> KINDS =
      List.of(
          new InvalidInputException("roles", "roles: 'admin' is the last admin"),
          new UnknownNameException("id", "no task with id '7'"),
          new ConflictException("id", "task 7 has already ended: COMPLETED"),
          new InvalidTaskException("slots", "slots must be at least 1"));

  @Test
  void eachIsAnApplicationExceptionThatRollsBack() {
    for (SwitchboardException e : KINDS) {
      ApplicationException marked = e.getClass().getAnnotation(ApplicationException.class);
      assertNotNull(marked, e.getClass().getSimpleName());
      assertEquals(true, marked.rollback(), e.getClass().getSimpleName());
    }
  }

  @Test
  void eachSurvivesSerializationWithItsFieldAndMessageAndNoStackTrace() throws Exception {
    for (SwitchboardException e : KINDS) {
      assertEquals(0, e.getStackTrace().length, e.getClass().getSimpleName());
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(e);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        SwitchboardException copy = (SwitchboardException) in.readObject();
        assertSame(e.getClass(), copy.getClass());
        assertEquals(e.field(), copy.field());
        assertEquals(e.getMessage(), copy.getMessage());
        assertNull(copy.getCause());
      }
    }
  }
}
