package dev.switchboard.api;

import java.util.List;

/** What the sequential pool search needs of a tier-1 pool, local or remote: it takes a task. */
public interface TaskAcceptor {

  /**
   * Accepts, persists and forwards a task in one transaction.
   *
   * @param request a validated request
   * @param skipped pools the caller tried before this one, with their reasons, to be recorded
   * @return the receipt naming the task's id
   * @throws PoolRefusedException if the pool is disabled or draining, or no tier-2 distributor can
   *     take tasks; nothing is persisted
   */
  TaskReceipt submit(TaskRequest request, List<String> skipped) throws PoolRefusedException;

  /**
   * Accepts, persists and forwards many tasks in one transaction and one message: all or none.
   *
   * @return one receipt per request, in order
   * @throws PoolRefusedException as {@link #submit}; nothing is persisted
   */
  List<TaskReceipt> submitAll(List<TaskRequest> requests, List<String> skipped)
      throws PoolRefusedException;
}
