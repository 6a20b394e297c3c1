package dev.switchboard.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, on the console's sign-in form and on HTTP Basic alike. Failed
 * sign-ins are counted per account name (existing or not, so the answer never tells which) and per
 * client address. After {@link #ACCOUNT_FAILURES} failures for a name, or {@link #ADDRESS_FAILURES}
 * from an address, each less than {@link #WINDOW} after the one before, further attempts are
 * refused without looking at the password for {@link #FIRST_BLOCK}, and every failure less than
 * {@link #WINDOW} after a block ends doubles it, up to {@link #LONGEST_BLOCK}. Refused attempts do
 * not count, so the real user is kept out at most that long after the guessing stops; a name or
 * address quiet for {@link #FORGET} after its latest failure or block starts afresh, and a name
 * that signs in successfully does at once.
 *
 * <p>An address is allowed more failures than a name because many users may share one (a proxy, a
 * NAT). Addresses are the ones the server sees: behind a reverse proxy, that is the proxy's.
 */
@ApplicationScoped
public class SignInThrottle {

  static final int ACCOUNT_FAILURES = 5;
  static final int ADDRESS_FAILURES = 20;
  static final Duration WINDOW = Duration.ofMinutes(1);
  static final Duration FIRST_BLOCK = Duration.ofSeconds(1);
  static final Duration LONGEST_BLOCK = Duration.ofMinutes(15);
  static final Duration FORGET = Duration.ofMinutes(15);

  /** Most names and addresses followed; past it, the quiet ones are forgotten first. */
  static final int MAX = 100_000;

  /**
   * What is known of one name or address.
   *
   * @param recent failures in a row, each within {@link #WINDOW} of the one before
   * @param blocks blocks so far: the next lasts {@code FIRST_BLOCK * 2^blocks}
   * @param last the latest failure
   * @param blockedUntil refused until then
   */
  record Failures(int recent, int blocks, Instant last, Instant blockedUntil) {

    Failures after(Instant now, int allowed) {
      int inRow = now.isBefore(lastEvent().plus(WINDOW)) ? recent + 1 : 1;
      if (inRow < allowed) {
        return new Failures(inRow, blocks, now, blockedUntil);
      }
      Duration block = FIRST_BLOCK.multipliedBy(1L << Math.min(blocks, 20));
      if (block.compareTo(LONGEST_BLOCK) > 0) {
        block = LONGEST_BLOCK;
      }
      return new Failures(inRow, blocks + 1, now, now.plus(block));
    }

    /** Quiet for {@link #FORGET} since the latest failure or the end of the latest block. */
    boolean forgotten(Instant now) {
      return !now.isBefore(lastEvent().plus(FORGET));
    }

    private Instant lastEvent() {
      return blockedUntil.isAfter(last) ? blockedUntil : last;
    }
  }

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public SignInThrottle() {
    this(Clock.systemUTC());
  }

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * How long attempts for this name or from this address are still refused; zero if the attempt may
   * go ahead.
   */
  public Duration refusedFor(String account, String address) {
    Instant now = clock.instant();
    Duration wait = remaining(accountKey(account), now);
    Duration fromAddress = remaining(addressKey(address), now);
    return fromAddress.compareTo(wait) > 0 ? fromAddress : wait;
  }

  /** A wrong name or password: counts against both the name and the address. */
  public void failed(String account, String address) {
    Instant now = clock.instant();
    if (failures.size() >= MAX) {
      failures.values().removeIf(f -> f.forgotten(now));
      if (failures.size() >= MAX) {
        failures.clear();
      }
    }
    count(accountKey(account), now, ACCOUNT_FAILURES);
    count(addressKey(address), now, ADDRESS_FAILURES);
  }

  /** The right password: the name starts afresh (the address does not, it may guess others). */
  public void succeeded(String account) {
    failures.remove(accountKey(account));
  }

  private void count(String key, Instant now, int allowed) {
    failures.compute(
        key,
        (k, known) ->
            known == null || known.forgotten(now)
                ? new Failures(0, 0, now, now).after(now, allowed)
                : known.after(now, allowed));
  }

  private Duration remaining(String key, Instant now) {
    Failures known = failures.get(key);
    if (known == null || !now.isBefore(known.blockedUntil())) {
      return Duration.ZERO;
    }
    return Duration.between(now, known.blockedUntil());
  }

  private static String accountKey(String account) {
    return "account:" + (account == null ? "" : account.toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + (address == null ? "" : address);
  }
}
