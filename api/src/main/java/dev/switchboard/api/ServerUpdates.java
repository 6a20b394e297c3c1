package dev.switchboard.api;

import java.util.List;

/**
 * The body of a message on the registration queue: registrations or attribute updates of one
 * fulfillment node's servers.
 *
 * @param servers one or more servers' current attributes
 */
public record ServerUpdates(List<ServerRegistration> servers) {

  public ServerUpdates {
    servers = Batches.nonEmpty(servers, "a server update needs one or more servers");
  }
}
