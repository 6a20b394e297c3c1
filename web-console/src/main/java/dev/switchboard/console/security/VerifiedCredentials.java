package dev.switchboard.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * API credentials verified a moment ago. A client of the API sends HTTP Basic credentials with
 * every request, and checking a password derives its PBKDF2 hash (10,000 rounds): in a profile at
 * 500 tasks/s in requests of 10, that was 6 % of the server's CPU time. A caller whose name and
 * password were found valid is taken at its word again for {@link #KEEP}, unless an account changes
 * meanwhile (the accounts' change counter moved, or {@link #forgetAll}). Only successes are kept,
 * so every wrong password still costs a full check. Neither the password nor its plain digest is
 * kept: the key is a SHA-256 over a secret salt of this server's own, the name and the password.
 */
@ApplicationScoped
public class VerifiedCredentials {

  static final Duration KEEP = Duration.ofSeconds(60);

  /** Most callers kept; past it, expired ones go first and then all. */
  static final int MAX = 1_000;

  private record Verified(CredentialValidationResult result, Instant until, long accountsVersion) {}

  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  private final byte[] salt = new byte[32];
  private final Clock clock;

  public VerifiedCredentials() {
    this(Clock.systemUTC());
  }

  VerifiedCredentials(Clock clock) {
    this.clock = clock;
    new SecureRandom().nextBytes(salt);
  }

  /** The result of a recent successful check of the same credential, or a new check's. */
  public CredentialValidationResult validate(
      UsernamePasswordCredential credential,
      Function<UsernamePasswordCredential, CredentialValidationResult> check) {
    return validate(credential, 0, check);
  }

  /**
   * The result of a recent successful check of the same credential made while the accounts' change
   * counter was {@code accountsVersion}, or a new check's.
   */
  public CredentialValidationResult validate(
      UsernamePasswordCredential credential,
      long accountsVersion,
      Function<UsernamePasswordCredential, CredentialValidationResult> check) {
    String key = key(credential);
    Instant now = clock.instant();
    Verified known = verified.get(key);
    if (known != null
        && now.isBefore(known.until())
        && known.accountsVersion() == accountsVersion) {
      return known.result();
    }
    CredentialValidationResult result = check.apply(credential);
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      if (verified.size() >= MAX) {
        verified.values().removeIf(v -> !now.isBefore(v.until()));
        if (verified.size() >= MAX) {
          verified.clear();
        }
      }
      verified.put(key, new Verified(result, now.plus(KEEP), accountsVersion));
    } else {
      verified.remove(key);
    }
    return result;
  }

  /** An account was created, changed or deleted: every caller is checked afresh. */
  public void forgetAll() {
    verified.clear();
  }

  private String key(UsernamePasswordCredential credential) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      digest.update(credential.getCaller().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(credential.getPasswordAsString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
