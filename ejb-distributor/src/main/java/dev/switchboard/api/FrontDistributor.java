package dev.switchboard.api;

import jakarta.ejb.Local;
import java.util.List;

/**
 * A tier-1 distributor pool. Each pool is the same bean class under its own EJB name (see
 * ejb-jar.xml), looked up by {@link Destinations#poolJndiName}. A pool accepts a task without
 * reading its attributes, persists it and queues it for the first tier-2 distributor that is up.
 */
@Local
public interface FrontDistributor {

  /**
   * Accepts, persists and forwards a task in one transaction.
   *
   * @param request a validated request
   * @param skipped pools the caller tried before this one, with their reasons, to be recorded
   * @return the receipt naming the task's id
   * @throws PoolRefusedException if this pool is disabled or draining; nothing is persisted
   */
  TaskReceipt submit(TaskRequest request, List<String> skipped) throws PoolRefusedException;

  /** This pool's name: its EJB name. */
  String name();
}
