package dev.switchboard.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintableTest {

  @Test
  void aLineBreakInANameCannotStartALogLine() {
    assertEquals("\"x\\u000aSEVERE: forged\"", Printable.of("x\nSEVERE: forged"));
    assertEquals("\"a\\u000db\\\"c\\\\\"", Printable.of("a\rb\"c\\"));
    assertEquals("null", Printable.of(null));
  }

  @Test
  void longNamesAreCut() {
    assertTrue(Printable.of("a".repeat(500)).endsWith("(500 characters)"));
  }
}
