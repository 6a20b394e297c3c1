package dev.switchboard.realm;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Verifies a password against a hash in Jakarta Security's PBKDF2 format, {@code
 * algorithm:iterations:base64(salt):base64(hash)}, with the JDK's own PBKDF2. The realm runs in the
 * server's class loader, where the application's {@code Pbkdf2PasswordHash} is not visible.
 *
 * <p>A match is remembered: a remote-EJB client signs in on every call, and deriving the hash
 * (10,000 rounds) took 8 % of the server's CPU time in a profile of 2,000 tasks/s asked over IIOP.
 * What is kept is the pair of the stored hash and the password, so the account's current hash, read
 * on every sign-in, still decides: a changed password or a deleted account no longer matches. Only
 * matches are kept, so every wrong password costs a full derivation. Neither the password nor its
 * plain digest is kept: the key is a SHA-256 over a secret salt of this server's own, the hash and
 * the password.
 */
final class Pbkdf2Hashes {

  /** Most matches kept; past it, all are forgotten. */
  static final int MAX_KEPT = 1_000;

  private static final Set<String> MATCHED = ConcurrentHashMap.newKeySet();
  private static final byte[] SALT = new byte[32];

  /** How many hashes were derived: what the memo saves. */
  static final AtomicLong DERIVED = new AtomicLong();

  /**
   * A hash no password matches, with the rounds and sizes of the hashes the application writes: a
   * name without an account is checked against it, so the answer takes as long as for a wrong
   * password and does not tell which names exist.
   */
  private static final String NO_ACCOUNT;

  static {
    SecureRandom random = new SecureRandom();
    random.nextBytes(SALT);
    byte[] salt = new byte[32];
    byte[] hash = new byte[32];
    random.nextBytes(salt);
    random.nextBytes(hash);
    NO_ACCOUNT =
        "PBKDF2WithHmacSHA256:10000:"
            + Base64.getEncoder().encodeToString(salt)
            + ":"
            + Base64.getEncoder().encodeToString(hash);
  }

  private Pbkdf2Hashes() {}

  /** True if the password matches; false for a wrong password or a hash it cannot read. */
  static boolean matches(char[] password, String stored) {
    if (password == null || stored == null) {
      return false;
    }
    String key = key(password, stored);
    if (MATCHED.contains(key)) {
      return true;
    }
    if (!derive(password, stored)) {
      return false;
    }
    if (MATCHED.size() >= MAX_KEPT) {
      MATCHED.clear();
    }
    MATCHED.add(key);
    return true;
  }

  /** Spends on a password for a missing account what checking a real hash would. */
  static void checkWithoutAccount(char[] password) {
    derive(password == null ? new char[0] : password, NO_ACCOUNT);
  }

  private static boolean derive(char[] password, String stored) {
    DERIVED.incrementAndGet();
    String[] parts = stored.split(":");
    if (parts.length != 4 || !parts[0].startsWith("PBKDF2With")) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, expected.length * 8);
      try {
        byte[] actual = SecretKeyFactory.getInstance(parts[0]).generateSecret(spec).getEncoded();
        return MessageDigest.isEqual(expected, actual);
      } finally {
        spec.clearPassword();
      }
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  private static String key(char[] password, String stored) {
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(SALT);
      digest.update(stored.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(bytes.duplicate());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    } finally {
      if (bytes.hasArray()) {
        Arrays.fill(bytes.array(), (byte) 0);
      }
    }
  }
}
