package dev.switchboard.api;

import jakarta.ejb.Remote;

/**
 * The remote view of a tier-1 pool, for clients in other JVMs (the CLI, remote EJB clients over
 * IIOP), at {@code java:global/switchboard/ejb-distributor/<pool>!dev.switchboard.api
 * .RemoteFrontDistributor}. Same contract as {@link FrontDistributor}.
 */
@Remote
public interface RemoteFrontDistributor extends TaskAcceptor {

  /** This pool's name. */
  String name();
}
