package dev.switchboard.api;

import java.util.regex.Pattern;

/** The shape of user, client and server identifiers and of attribute names. */
final class Ids {

  static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._@-]*$";
  static final String MESSAGE =
      "must start with a letter or digit and hold only letters, digits, '.', '_', '@' or '-'";

  /**
   * Attribute names are CEL identifiers, so that expressions can say {@code server.attributes.gpu}.
   */
  static final String KEY_PATTERN = "^[A-Za-z_][A-Za-z0-9_]{0,63}$";

  static final String KEY_MESSAGE =
      "must start with a letter or '_', hold only letters, digits or '_', at most 64 characters";

  /** Compiled once: names are checked on every registration and attribute update. */
  static final Pattern NAME = Pattern.compile(PATTERN);

  static final Pattern KEY = Pattern.compile(KEY_PATTERN);

  private Ids() {}
}
