package dev.switchboard.realm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads an account's hash and roles from {@code SB_ACCOUNT} and checks a password. */
final class AccountCheck {

  static final String HASH = "SELECT PASSWORDHASH FROM SB_ACCOUNT WHERE NAME = ?";
  static final String ROLES = "SELECT ROLE_NAME FROM SB_ACCOUNT_ROLE WHERE ACCOUNT = ?";

  private AccountCheck() {}

  /** The account's roles if the password is right, else null. */
  static List<String> authenticate(Connection connection, String name, char[] password)
      throws SQLException {
    String hash = single(connection, HASH, name);
    if (hash == null) {
      Pbkdf2Hashes.checkWithoutAccount(password);
      return null;
    }
    if (!Pbkdf2Hashes.matches(password, hash)) {
      return null;
    }
    return roles(connection, name);
  }

  static List<String> roles(Connection connection, String name) throws SQLException {
    List<String> roles = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(ROLES)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          roles.add(rows.getString(1));
        }
      }
    }
    return roles;
  }

  private static String single(Connection connection, String sql, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }
}
