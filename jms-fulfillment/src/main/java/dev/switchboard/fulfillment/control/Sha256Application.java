package dev.switchboard.fulfillment.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code sha256}: the lower-case hex SHA-256 digest of the input's UTF-8 bytes. */
@ApplicationScoped
public class Sha256Application implements TaskApplication {

  @Override
  public String name() {
    return "sha256";
  }

  @Override
  public String inputs() {
    return "any text";
  }

  @Override
  public String run(String input) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(input.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
