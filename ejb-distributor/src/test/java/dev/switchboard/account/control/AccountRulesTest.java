package dev.switchboard.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.api.InvalidInputException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each broken account rule is an InvalidInputException naming its field, as the API shows it. */
class AccountRulesTest {

  static void refused(String field, String message, Executable check) {
    InvalidInputException e = assertThrows(InvalidInputException.class, check);
    assertEquals(field, e.field());
    assertEquals(message, e.getMessage());
  }

  @Test
  void eachRuleNamesItsField() {
    refused(
        "name",
        "name: 1 to 64 letters, digits or . _ @ -, starting with a letter or digit",
        () -> AccountRules.name("../../etc"));
    refused(
        "password",
        "password: 8 to 128 characters",
        () -> AccountRules.password("short".toCharArray()));
    refused(
        "roles",
        "roles: at least one of admin, operator, viewer",
        () -> AccountRules.roles(Set.of()));
    refused(
        "roles",
        "roles: unknown role 'god' (admin, operator or viewer)",
        () -> AccountRules.roles(Set.of("god")));
  }

  @Test
  void goodValuesPass() {
    assertEquals("olga", AccountRules.name("olga"));
    assertEquals(Set.of("operator", "viewer"), AccountRules.roles(Set.of("viewer", "operator")));
  }
}
