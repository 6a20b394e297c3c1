package dev.switchboard.account.control;

import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.Roles;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a valid account looks like. A broken rule is an {@link InvalidInputException} naming the
 * field, whose message starts with the field too, for the console.
 */
public final class AccountRules {

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  public static final int MIN_PASSWORD = 8;
  public static final int MAX_PASSWORD = 128;

  private AccountRules() {}

  /** The name, checked. */
  public static String name(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "name", "name: 1 to 64 letters, digits or . _ @ -, starting with a letter or digit");
    }
    return name;
  }

  /** The password, checked. */
  public static char[] password(char[] password) {
    if (password == null || password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
      throw new InvalidInputException(
          "password", "password: " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
    }
    return password;
  }

  /** The roles, checked: at least one, each one of {@link Roles#ALL}. */
  public static Set<String> roles(Set<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new InvalidInputException("roles", "roles: at least one of admin, operator, viewer");
    }
    for (String role : roles) {
      if (!Roles.ALL.contains(role)) {
        throw new InvalidInputException(
            "roles", "roles: unknown role '" + role + "' (admin, operator or viewer)");
      }
    }
    return new TreeSet<>(roles);
  }
}
