package dev.switchboard.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/** Stored user and client profiles: read, create or replace, delete. */
@Local
public interface Profiles {

  List<UserProfileView> users();

  Optional<UserProfileView> user(String id);

  /**
   * Creates or replaces a user's profile.
   *
   * @throws InvalidInputException naming what is wrong
   */
  UserProfileView putUser(UserProfileView profile);

  boolean deleteUser(String id);

  List<ClientProfileView> clients();

  Optional<ClientProfileView> client(String id);

  /**
   * Creates or replaces a client's profile.
   *
   * @throws InvalidInputException naming what is wrong
   */
  ClientProfileView putClient(ClientProfileView profile);

  boolean deleteClient(String id);
}
