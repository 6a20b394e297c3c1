package dev.switchboard.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Set;

/** Where fulfillment servers register, and where clients read what is registered. */
@Local
public interface ServerRegistry {

  /** Registers a server, or updates the attributes of one already registered under that name. */
  void register(ServerRegistration registration);

  /** Every registered server, by name. */
  List<ServerView> servers();

  /** The applications installed on at least one registered server. */
  Set<String> knownApplications();
}
