package dev.switchboard.testing;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The container's transaction registry, reduced to what the beans use: synchronizations and
 * resources of the current transaction, ended by the test with {@link #end(boolean)}.
 */
public final class TestTransactions implements TransactionSynchronizationRegistry {

  private final List<Synchronization> synchronizations = new ArrayList<>();
  private final Map<Object, Object> resources = new HashMap<>();

  /** Ends the current transaction: each synchronization learns whether it committed. */
  public void end(boolean committed) {
    List<Synchronization> ending = List.copyOf(synchronizations);
    synchronizations.clear();
    resources.clear();
    if (committed) {
      ending.forEach(Synchronization::beforeCompletion);
    }
    int status = committed ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK;
    ending.forEach(s -> s.afterCompletion(status));
  }

  /** Synchronizations waiting for the current transaction to end. */
  public int pending() {
    return synchronizations.size();
  }

  @Override
  public Object getTransactionKey() {
    return this;
  }

  @Override
  public void putResource(Object key, Object value) {
    resources.put(key, value);
  }

  @Override
  public Object getResource(Object key) {
    return resources.get(key);
  }

  @Override
  public void registerInterposedSynchronization(Synchronization sync) {
    synchronizations.add(sync);
  }

  @Override
  public int getTransactionStatus() {
    return Status.STATUS_ACTIVE;
  }

  @Override
  public void setRollbackOnly() {
    throw new UnsupportedOperationException("no test here marks a transaction rollback-only");
  }

  @Override
  public boolean getRollbackOnly() {
    return false;
  }
}
