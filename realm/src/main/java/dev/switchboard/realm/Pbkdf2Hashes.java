package dev.switchboard.realm;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Verifies a password against a hash in Jakarta Security's PBKDF2 format, {@code
 * algorithm:iterations:base64(salt):base64(hash)}, with the JDK's own PBKDF2. The realm runs in the
 * server's class loader, where the application's {@code Pbkdf2PasswordHash} is not visible.
 */
final class Pbkdf2Hashes {

  private Pbkdf2Hashes() {}

  /** True if the password matches; false for a wrong password or a hash it cannot read. */
  static boolean matches(char[] password, String stored) {
    if (password == null || stored == null) {
      return false;
    }
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
}
