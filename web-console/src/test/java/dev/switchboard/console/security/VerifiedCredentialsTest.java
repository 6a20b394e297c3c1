package dev.switchboard.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

  private Instant now = Instant.parse("2026-11-26T12:00:00Z");
  private final List<String> checked = new ArrayList<>();

  private final VerifiedCredentials credentials =
      new VerifiedCredentials(
          new Clock() {
            @Override
            public Instant instant() {
              return now;
            }

            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }
          });

  /** The identity store: alice's password is "right". */
  private final Function<UsernamePasswordCredential, CredentialValidationResult> store =
      c -> {
        checked.add(c.getCaller() + ":" + c.getPasswordAsString());
        return c.getCaller().equals("alice") && c.getPasswordAsString().equals("right")
            ? new CredentialValidationResult("alice", Set.of("operator"))
            : CredentialValidationResult.INVALID_RESULT;
      };

  private CredentialValidationResult.Status validate(String user, String password) {
    return credentials.validate(new UsernamePasswordCredential(user, password), store).getStatus();
  }

  @Test
  void aValidCredentialIsCheckedOnceWithinTheKeepTime() {
    assertEquals(CredentialValidationResult.Status.VALID, validate("alice", "right"));
    now = now.plus(VerifiedCredentials.KEEP).minusSeconds(1);
    assertEquals(CredentialValidationResult.Status.VALID, validate("alice", "right"));
    assertEquals(List.of("alice:right"), checked);
  }

  @Test
  void aWrongPasswordIsCheckedEveryTimeAndNeverMatchesAKeptOne() {
    validate("alice", "right");
    assertEquals(CredentialValidationResult.Status.INVALID, validate("alice", "wrong"));
    assertEquals(CredentialValidationResult.Status.INVALID, validate("alice", "wrong"));
    assertEquals(CredentialValidationResult.Status.INVALID, validate("alic", "eright"));
    assertEquals(List.of("alice:right", "alice:wrong", "alice:wrong", "alic:eright"), checked);
  }

  @Test
  void aKeptCredentialIsCheckedAgainAfterTheKeepTimeOrAnAccountChange() {
    validate("alice", "right");
    now = now.plus(VerifiedCredentials.KEEP);
    validate("alice", "right");
    credentials.forgetAll();
    validate("alice", "right");
    assertEquals(List.of("alice:right", "alice:right", "alice:right"), checked);
  }
}
