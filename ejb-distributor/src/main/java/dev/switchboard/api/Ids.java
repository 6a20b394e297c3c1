package dev.switchboard.api;

/** The shape of user, client and server identifiers. */
final class Ids {

  static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._@-]*$";
  static final String MESSAGE =
      "must start with a letter or digit and hold only letters, digits, '.', '_', '@' or '-'";

  private Ids() {}
}
