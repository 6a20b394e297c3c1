package dev.switchboard.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void aPlainNameIsQuoted() {
    assertEquals("\"olga\"", LogText.of("olga"));
    assertEquals("null", LogText.of(null));
  }

  @Test
  void aNewlineCannotStartALineOfItsOwn() {
    String forged = LogText.of("x\nINFO: Console sign-in for \"admin\" succeeded\r\n");
    assertFalse(forged.contains("\n") || forged.contains("\r"), forged);
    assertEquals("\"x\\nINFO: Console sign-in for \\\"admin\\\" succeeded\\r\\n\"", forged);
  }

  @Test
  void otherControlCharactersAndUnicodeLineSeparatorsAreEscaped() {
    assertEquals(
        "\"a\\u001b[31mb\\u2028c\\u0085d\\te\"", LogText.of("a\u001b[31mb\u2028c\u0085d\te"));
  }

  @Test
  void longTextIsCutAndSaysHowLongItWas() {
    String logged = LogText.of("n".repeat(10_000));
    assertTrue(logged.startsWith("\"" + "n".repeat(LogText.MAX) + "\""), logged);
    assertTrue(logged.endsWith("(10000 characters)"), logged);
  }

  @Test
  void lettersOfAnyScriptStay() {
    assertEquals("\"Łukasz 山田\"", LogText.of("Łukasz 山田"));
  }
}
