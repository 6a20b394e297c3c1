package dev.switchboard.api;

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

  private Ids() {}
}
