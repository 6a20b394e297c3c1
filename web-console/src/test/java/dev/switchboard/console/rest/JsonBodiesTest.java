package dev.switchboard.console.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Whole numbers read from JSON: exact or refused naming the field, never wrapped or cut. */
class JsonBodiesTest {

  static int queueLimit(String body) {
    return JsonBodies.whole(JsonBodies.object(body), "queueLimit", -7);
  }

  static InvalidInputException refused(String body) {
    return assertThrows(InvalidInputException.class, () -> queueLimit(body));
  }

  @Test
  void aNumberThatFitsIsReadExactly() {
    assertEquals(10_001, queueLimit("{\"queueLimit\":10001}"));
    assertEquals(Integer.MAX_VALUE, queueLimit("{\"queueLimit\":2147483647}"));
    assertEquals(-7, queueLimit("{}"));
    assertEquals(-7, queueLimit("{\"queueLimit\":null}"));
  }

  @Test
  void aNumberBeyondAnIntIsRefusedNotWrapped() {
    InvalidInputException e = refused("{\"queueLimit\":4294977297}");
    assertEquals("queueLimit", e.field());
    assertTrue(e.getMessage().startsWith("queueLimit is out of range"), e.getMessage());
    assertEquals("queueLimit", refused("{\"queueLimit\":2147483648}").field());
    assertEquals("queueLimit", refused("{\"queueLimit\":-2147483649}").field());
    assertEquals("queueLimit", refused("{\"queueLimit\":99999999999999999999999}").field());
  }

  @Test
  void fractionsExponentsAndOtherTypesAreRefused() {
    for (String value : new String[] {"2.5", "1e400", "\"10\"", "true", "[1]"}) {
      InvalidInputException e = refused("{\"queueLimit\":" + value + "}");
      assertEquals("queueLimit", e.field(), value);
      assertEquals("queueLimit must be a whole number", e.getMessage(), value);
    }
  }
}
