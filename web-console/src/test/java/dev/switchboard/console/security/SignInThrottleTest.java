package dev.switchboard.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final SignInThrottle throttle = new SignInThrottle(clock);

  private void fail(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      clock.advance(Duration.ofMillis(100));
      assertEquals(Duration.ZERO, throttle.refusedFor(account, address), "attempt " + (i + 1));
      throttle.failed(account, address);
    }
  }

  @Test
  void fourFailuresAreForgivenTheFifthBlocksTheAccountForASecond() {
    fail("olga", "10.0.0.1", 4);
    assertEquals(Duration.ZERO, throttle.refusedFor("olga", "10.0.0.1"));
    fail("olga", "10.0.0.1", 1);
    Duration wait = throttle.refusedFor("olga", "10.0.0.1");
    assertEquals(SignInThrottle.FIRST_BLOCK, wait);
    assertEquals(wait, throttle.refusedFor("OLGA", "10.0.0.2"), "the name, whatever its case");
    assertEquals(Duration.ZERO, throttle.refusedFor("sam", "10.0.0.1"), "the address is not yet");
  }

  @Test
  void everyFailureAfterABlockDoublesTheNextUpToTheLongest() {
    fail("olga", "10.0.0.1", 5);
    Duration expected = SignInThrottle.FIRST_BLOCK;
    for (int i = 0; i < 14; i++) {
      Duration wait = throttle.refusedFor("olga", "10.0.0.1");
      assertEquals(expected, wait, "block " + (i + 1));
      clock.advance(wait);
      clock.advance(Duration.ofMillis(-100));
      fail("olga", "10.0.0.1", 1);
      expected = expected.multipliedBy(2);
      if (expected.compareTo(SignInThrottle.LONGEST_BLOCK) > 0) {
        expected = SignInThrottle.LONGEST_BLOCK;
      }
    }
    assertEquals(SignInThrottle.LONGEST_BLOCK, throttle.refusedFor("olga", "10.0.0.1"));
  }

  @Test
  void refusedAttemptsDoNotCountSoTheUserGetsInWhenTheBlockEnds() {
    fail("olga", "10.0.0.1", 5);
    clock.advance(Duration.ofMillis(500));
    assertTrue(throttle.refusedFor("olga", "10.0.0.1").toMillis() > 0);
    clock.advance(Duration.ofMillis(500));
    assertEquals(Duration.ZERO, throttle.refusedFor("olga", "10.0.0.1"));
    throttle.succeeded("olga");
    fail("olga", "10.0.0.1", 4);
    assertEquals(Duration.ZERO, throttle.refusedFor("olga", "10.0.0.1"), "started afresh");
  }

  @Test
  void failuresFarApartNeverBlock() {
    for (int i = 0; i < 20; i++) {
      fail("olga", "10.0.0.1", 1);
      clock.advance(SignInThrottle.WINDOW);
    }
    assertEquals(Duration.ZERO, throttle.refusedFor("olga", "10.0.0.1"));
  }

  @Test
  void anAddressGuessingManyNamesIsBlockedForAllOfThem() {
    for (int i = 0; i < SignInThrottle.ADDRESS_FAILURES; i++) {
      fail("name-" + i, "10.0.0.9", 1);
    }
    assertEquals(SignInThrottle.FIRST_BLOCK, throttle.refusedFor("olga", "10.0.0.9"));
    assertEquals(Duration.ZERO, throttle.refusedFor("olga", "10.0.0.8"));
  }

  @Test
  void aMissingAccountIsThrottledLikeAnExistingOne() {
    fail("no-such-account", "10.0.0.1", 5);
    assertEquals(SignInThrottle.FIRST_BLOCK, throttle.refusedFor("no-such-account", "10.0.0.3"));
  }

  @Test
  void aQuietNameIsForgotten() {
    fail("olga", "10.0.0.1", 5);
    clock.advance(SignInThrottle.FORGET.plus(SignInThrottle.FIRST_BLOCK));
    fail("olga", "10.0.0.1", 4);
    assertEquals(Duration.ZERO, throttle.refusedFor("olga", "10.0.0.1"));
    fail("olga", "10.0.0.1", 1);
    assertEquals(SignInThrottle.FIRST_BLOCK, throttle.refusedFor("olga", "10.0.0.1"));
  }
}
