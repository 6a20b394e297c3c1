package dev.switchboard.console.security;

import dev.switchboard.api.Destinations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The identity store: the accounts of {@code SB_ACCOUNT}, their PBKDF2 hashes and their roles
 * (which are the caller's groups). Unlike Jakarta Security's own database store, a name without an
 * account costs the same as a wrong password: its password is checked against a hash of a random
 * password made at start, so the time an answer takes does not tell which names exist.
 */
@ApplicationScoped
public class AccountStore implements IdentityStore {

  static final String HASH = "SELECT PASSWORDHASH FROM SB_ACCOUNT WHERE NAME = ?";
  static final String ROLES = "SELECT ROLE_NAME FROM SB_ACCOUNT_ROLE WHERE ACCOUNT = ?";

  /** The iterations of the hashes {@code AccountDirectory} writes, for an equal cost. */
  static final String ITERATIONS = "10000";

  @Resource(lookup = Destinations.DATA_SOURCE)
  DataSource dataSource;

  @Inject Pbkdf2PasswordHash hash;

  private String dummyHash;

  @PostConstruct
  void init() {
    hash.initialize(Map.of("Pbkdf2PasswordHash.Iterations", ITERATIONS));
    char[] random = new char[24];
    SecureRandom source = new SecureRandom();
    for (int i = 0; i < random.length; i++) {
      random[i] = (char) ('!' + source.nextInt(94));
    }
    dummyHash = hash.generate(random);
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    return credential instanceof UsernamePasswordCredential named
        ? validate(named)
        : CredentialValidationResult.NOT_VALIDATED_RESULT;
  }

  /** Checks the name and password; the result names the caller's roles when they are right. */
  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String name = credential.getCaller();
    char[] password = credential.getPassword().getValue();
    try (Connection connection = dataSource.getConnection()) {
      String stored = name == null ? null : hashOf(connection, name);
      boolean right = hash.verify(password, stored == null ? dummyHash : stored);
      if (stored == null || !right) {
        return CredentialValidationResult.INVALID_RESULT;
      }
      return new CredentialValidationResult(name, roles(connection, name));
    } catch (SQLException e) {
      throw new IllegalStateException("the accounts cannot be read", e);
    }
  }

  /**
   * An account as the table holds it now.
   *
   * @param roles its roles; empty if there is no such account any more (every account has at least
   *     one role)
   * @param stamp a fingerprint of its password hash, which changes with the password (and not
   *     otherwise); null without an account. It tells nothing of the password: it is a digest of a
   *     salted PBKDF2 hash.
   */
  public record Standing(Set<String> roles, String stamp) {}

  /** The account's roles and password stamp as the table holds them now. */
  public Standing standing(String name) {
    try (Connection connection = dataSource.getConnection()) {
      String stored = hashOf(connection, name);
      return stored == null
          ? new Standing(Set.of(), null)
          : new Standing(roles(connection, name), stamp(stored));
    } catch (SQLException e) {
      throw new IllegalStateException("the accounts cannot be read", e);
    }
  }

  static String stamp(String storedHash) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(storedHash.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String hashOf(Connection connection, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(HASH)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static Set<String> roles(Connection connection, String name) throws SQLException {
    Set<String> roles = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(ROLES)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          roles.add(rows.getString(1));
        }
      }
    }
    return Set.copyOf(roles);
  }
}
