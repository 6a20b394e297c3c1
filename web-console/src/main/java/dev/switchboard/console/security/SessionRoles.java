package dev.switchboard.console.security;

import dev.switchboard.api.Accounts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Keeps a console session's roles those of its account. On every request the session's caller is
 * compared with the accounts' change counter ({@link Accounts#version()}, a number in memory): when
 * an account changed since the roles were read, or {@link #REREAD} passed (a change made on another
 * server or in the database directly), the account is read again. A demoted account loses its
 * rights on its next request; a deleted one, or one whose password changed, is signed out.
 */
@ApplicationScoped
public class SessionRoles {

  static final Duration REREAD = Duration.ofSeconds(30);

  @EJB Accounts directory;

  @Inject AccountStore store;

  private LongSupplier version;
  private Function<String, AccountStore.Standing> accounts;
  private Clock clock = Clock.systemUTC();

  public SessionRoles() {}

  SessionRoles(
      LongSupplier version, Function<String, AccountStore.Standing> accounts, Clock clock) {
    this.version = version;
    this.accounts = accounts;
    this.clock = clock;
  }

  @PostConstruct
  void init() {
    version = directory::version;
    accounts = store::standing;
  }

  /** The accounts' change counter now: read it before checking a password. */
  long version() {
    return version.getAsLong();
  }

  /**
   * The caller to keep in a new session, with roles read at {@code version}, and the stamp of the
   * password read now: a password changed since it was checked ends the session on its next read.
   */
  SignedIn signedIn(String name, Set<String> callerRoles, long version) {
    String stamp = accounts.apply(name).stamp();
    return new SignedIn(name, Set.copyOf(callerRoles), stamp, version, clock.millis());
  }

  /**
   * The session's caller as the account is now: {@code known} itself when nothing changed, new
   * roles when they changed, null when the account is gone (or holds no role) or its password is
   * not the one the session signed in with.
   */
  SignedIn current(SignedIn known) {
    long now = clock.millis();
    long current = version.getAsLong();
    if (current == known.accountsVersion() && now - known.readAt() < REREAD.toMillis()) {
      return known;
    }
    AccountStore.Standing read = accounts.apply(known.name());
    if (read.roles().isEmpty() || read.stamp() == null || !read.stamp().equals(known.stamp())) {
      return null;
    }
    return new SignedIn(known.name(), Set.copyOf(read.roles()), read.stamp(), current, now);
  }
}
