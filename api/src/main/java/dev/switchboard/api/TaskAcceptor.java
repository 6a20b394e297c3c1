package dev.switchboard.api;

import java.util.List;

/** What the sequential pool search needs of a tier-1 pool, local or remote: it takes a task. */
public interface TaskAcceptor {

  /**
   * Checks a task against the {@link TaskRules}, then accepts, persists and forwards it in one
   * transaction.
   *
   * @param request the request, checked here whatever the caller checked before
   * @param skipped pools the caller tried before this one, with their reasons, to be recorded
   * @return the receipt naming the task's id
   * @throws InvalidTaskException naming the field at fault; nothing is persisted
   * @throws PoolRefusedException if the pool is disabled or draining, or no tier-2 distributor can
   *     take tasks; nothing is persisted
   */
  TaskReceipt submit(TaskRequest request, List<String> skipped)
      throws PoolRefusedException, InvalidTaskException;

  /**
   * Checks 1 to {@value TaskRules#MAX_BATCH} tasks, then accepts, persists and forwards them in one
   * transaction and one message: all or none.
   *
   * @return one receipt per request, in order
   * @throws InvalidTaskException naming the task and field at fault ({@code tasks[3].slots});
   *     nothing is persisted
   * @throws PoolRefusedException as {@link #submit}; nothing is persisted
   */
  List<TaskReceipt> submitAll(List<TaskRequest> requests, List<String> skipped)
      throws PoolRefusedException, InvalidTaskException;
}
