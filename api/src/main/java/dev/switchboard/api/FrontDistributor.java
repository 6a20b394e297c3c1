package dev.switchboard.api;

import jakarta.ejb.Local;
import java.util.List;

/**
 * A tier-1 distributor pool. Each pool is the same bean class under its own EJB name (see
 * ejb-jar.xml), looked up by {@link Destinations#poolJndiName}. A pool accepts a task without
 * reading its attributes, persists it and queues it for the first tier-2 distributor that is up.
 */
@Local
public interface FrontDistributor extends TaskAcceptor {

  /** This pool's view of tier 2: the distributors and what they last broadcast. */
  List<DistributorView> tier2();

  /** This pool's name: its EJB name. */
  String name();
}
