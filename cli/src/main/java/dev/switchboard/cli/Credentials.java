package dev.switchboard.cli;

/**
 * The account the CLI signs in with: {@code --account} and {@code --password}, or the environment
 * variables {@code SWITCHBOARD_USER} and {@code SWITCHBOARD_PASSWORD}.
 */
record Credentials(String user, char[] password) {

  static final String NONE_GIVEN =
      "no credentials: give --account and --password, or set SWITCHBOARD_USER and"
          + " SWITCHBOARD_PASSWORD";

  /** The credentials, or an error telling how to give them. */
  static Credentials of(String user, char[] password) {
    if (user == null || user.isBlank() || password == null || password.length == 0) {
      throw new Gateway.Rejected(NONE_GIVEN);
    }
    return new Credentials(user, password);
  }
}
