package dev.switchboard.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.switchboard.testing.MutableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionRolesTest {

  private final MutableClock clock = new MutableClock();
  private long version = 7;
  private final Map<String, Set<String>> table = new HashMap<>(Map.of("olga", Set.of("admin")));
  private final Map<String, String> passwords = new HashMap<>(Map.of("olga", "hash-1"));
  private final AtomicInteger reads = new AtomicInteger();

  private final SessionRoles roles =
      new SessionRoles(
          () -> version,
          name -> {
            reads.incrementAndGet();
            return table.containsKey(name)
                ? new AccountStore.Standing(
                    table.get(name), AccountStore.stamp(passwords.get(name)))
                : new AccountStore.Standing(Set.of(), null);
          },
          clock);

  @Test
  void whileNoAccountChangesTheSessionIsTakenAsItIsWithoutAQuery() {
    SignedIn olga = roles.signedIn("olga", Set.of("admin"), roles.version());
    clock.advance(Duration.ofSeconds(10));
    assertSame(olga, roles.current(olga));
    assertEquals(1, reads.get(), "only the sign-in's");
  }

  @Test
  void aDemotedAccountHasItsNewRolesOnTheNextRequest() {
    SignedIn olga = roles.signedIn("olga", Set.of("admin"), roles.version());
    table.put("olga", Set.of("viewer"));
    version++;
    SignedIn now = roles.current(olga);
    assertEquals(Set.of("viewer"), now.roles());
    assertEquals(8, now.accountsVersion());
    assertSame(now, roles.current(now), "read once per change");
    assertEquals(2, reads.get(), "at sign-in and once after the change");
  }

  @Test
  void aDeletedAccountHasNoSession() {
    SignedIn olga = roles.signedIn("olga", Set.of("admin"), roles.version());
    table.remove("olga");
    version++;
    assertNull(roles.current(olga));
  }

  @Test
  void rolesAreReadAgainAfterAWhileEvenWithoutAChangeSeenHere() {
    SignedIn olga = roles.signedIn("olga", Set.of("admin"), roles.version());
    table.put("olga", Set.of("operator"));
    clock.advance(SessionRoles.REREAD);
    assertEquals(Set.of("operator"), roles.current(olga).roles());
  }

  @Test
  void aChangeWhileThePasswordWasCheckedIsSeenNextTime() {
    long before = roles.version();
    version++;
    SignedIn olga = roles.signedIn("olga", Set.of("admin"), before);
    table.put("olga", Set.of("viewer"));
    assertEquals(Set.of("viewer"), roles.current(olga).roles());
  }

  @Test
  void aNewPasswordEndsTheSessionsSignedInWithTheOldOne() {
    SignedIn olga = roles.signedIn("olga", Set.of("admin"), roles.version());
    passwords.put("olga", "hash-2");
    version++;
    assertNull(roles.current(olga));
    SignedIn again = roles.signedIn("olga", Set.of("admin"), roles.version());
    version++;
    assertEquals(Set.of("admin"), roles.current(again).roles(), "signed in with the new one");
  }

  @Test
  void aStampTellsPasswordsApartButNotThePassword() {
    String stamp = AccountStore.stamp("PBKDF2WithHmacSHA256:10000:salt:hash");
    assertEquals(stamp, AccountStore.stamp("PBKDF2WithHmacSHA256:10000:salt:hash"));
    assertNotEquals(stamp, AccountStore.stamp("PBKDF2WithHmacSHA256:10000:salt:other"));
    assertEquals(24, stamp.length());
  }
}
