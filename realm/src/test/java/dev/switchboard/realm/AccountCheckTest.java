package dev.switchboard.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

/**
 * The realm must accept exactly the hashes Jakarta Security writes: hashes made by Soteria's own
 * PBKDF2 implementation (Payara's), checked by the realm's JDK-only code.
 */
class AccountCheckTest {

  static String soteriaHash(String password, int iterations) {
    Pbkdf2PasswordHashImpl hash = new Pbkdf2PasswordHashImpl();
    hash.initialize(Map.of("Pbkdf2PasswordHash.Iterations", String.valueOf(iterations)));
    return hash.generate(password.toCharArray());
  }

  @Test
  void aSoteriaHashIsVerified() {
    String stored = soteriaHash("correct horse", 3000);
    assertTrue(Pbkdf2Hashes.matches("correct horse".toCharArray(), stored));
    assertFalse(Pbkdf2Hashes.matches("correct hors".toCharArray(), stored));
  }

  @Test
  void aMatchIsRememberedForTheSameHashOnly() {
    String stored = soteriaHash("remembered", 3000);
    long before = Pbkdf2Hashes.DERIVED.get();
    assertTrue(Pbkdf2Hashes.matches("remembered".toCharArray(), stored));
    assertTrue(Pbkdf2Hashes.matches("remembered".toCharArray(), stored));
    assertEquals(before + 1, Pbkdf2Hashes.DERIVED.get(), "the second check derived again");
    assertFalse(Pbkdf2Hashes.matches("remembered!".toCharArray(), stored));
    assertFalse(Pbkdf2Hashes.matches("remembered!".toCharArray(), stored));
    assertEquals(before + 3, Pbkdf2Hashes.DERIVED.get(), "a wrong password was remembered");
    // the password changed: the old one is checked against the new hash, and fails
    String changed = soteriaHash("changed", 3000);
    assertFalse(Pbkdf2Hashes.matches("remembered".toCharArray(), changed));
    assertEquals(before + 4, Pbkdf2Hashes.DERIVED.get());
  }

  @Test
  void unreadableHashesNeverMatch() {
    for (String stored :
        new String[] {
          null,
          "",
          "plain",
          "MD5:1:AA==:AA==",
          "PBKDF2WithHmacSHA256:x:AA==:AA==",
          "PBKDF2WithHmacSHA256:10:%%%:AA==",
          "PBKDF2WithHmacNothing:10:AA==:AA=="
        }) {
      assertFalse(Pbkdf2Hashes.matches("anything".toCharArray(), stored), String.valueOf(stored));
    }
  }

  @Test
  void anAccountGetsItsRolesOnlyWithTheRightPassword() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:realm;DB_CLOSE_DELAY=-1")) {
      try (Statement sql = db.createStatement()) {
        sql.execute(
            "CREATE TABLE SB_ACCOUNT (NAME VARCHAR(64) PRIMARY KEY, VERSION BIGINT,"
                + " PASSWORDHASH VARCHAR(512), CREATEDAT TIMESTAMP)");
        sql.execute("CREATE TABLE SB_ACCOUNT_ROLE (ACCOUNT VARCHAR(64), ROLE_NAME VARCHAR(16))");
        sql.execute(
            "INSERT INTO SB_ACCOUNT VALUES ('olga', 0, '"
                + soteriaHash("s3cret-pass", 2048)
                + "', CURRENT_TIMESTAMP)");
        sql.execute("INSERT INTO SB_ACCOUNT_ROLE VALUES ('olga', 'operator')");
      }
      assertEquals(
          List.of("operator"), AccountCheck.authenticate(db, "olga", "s3cret-pass".toCharArray()));
      assertNull(AccountCheck.authenticate(db, "olga", "wrong".toCharArray()));
      long before = Pbkdf2Hashes.DERIVED.get();
      assertNull(AccountCheck.authenticate(db, "nobody", "s3cret-pass".toCharArray()));
      assertEquals(
          before + 1,
          Pbkdf2Hashes.DERIVED.get(),
          "a missing account costs a derivation, like a wrong password");
    }
  }
}
