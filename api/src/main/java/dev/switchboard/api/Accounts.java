package dev.switchboard.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Set;

/** The accounts that may sign in: created, listed, given new passwords or roles, deleted. */
@Local
public interface Accounts {

  List<AccountView> accounts();

  /**
   * Creates an account.
   *
   * @throws InvalidInputException naming the field that is wrong (name, password, roles)
   * @throws ConflictException if the name is taken
   */
  AccountView create(String name, char[] password, Set<String> roles);

  /**
   * Sets a new password and, where {@code roles} is not null, new roles.
   *
   * @throws InvalidInputException naming the field that is wrong (password, roles, or roles that
   *     would leave no admin)
   * @throws UnknownNameException if there is no such account
   */
  AccountView update(String name, char[] password, Set<String> roles);

  /**
   * Deletes an account; false if there was none.
   *
   * @throws InvalidInputException naming {@code roles} for the last admin
   */
  boolean delete(String name);

  /**
   * A number that grows with every committed change of any account on this server (creation, new
   * password or roles, deletion): cheap enough to ask on every request, so that a session can tell
   * when to read its account again.
   */
  long version();
}
