package dev.switchboard.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Set;

/** Where fulfillment servers register, and where clients read what is registered. */
@Local
public interface ServerRegistry {

  /**
   * Registers a server, or updates the attributes of one already registered under that name.
   *
   * @return the server as registered
   */
  ServerView register(ServerRegistration registration);

  /**
   * Applies a batch of registrations and attribute updates in a transaction of its own, in name
   * order: all of them or, if one fails, none.
   *
   * @throws InvalidInputException naming {@code tier2} for an unknown tier-2 distributor
   */
  void registerAll(List<ServerRegistration> registrations);

  /**
   * Sets a server UP, DRAINING (no new tasks) or DISABLED.
   *
   * @throws UnknownNameException for an unknown server
   * @throws InvalidInputException for an unknown state
   */
  ServerView changeState(String name, String state);

  /** Every registered server, by name. */
  List<ServerView> servers();

  /** The applications installed on at least one registered server. */
  Set<String> knownApplications();
}
