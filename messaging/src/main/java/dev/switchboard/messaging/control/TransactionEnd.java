package dev.switchboard.messaging.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;

/**
 * Runs an action once the current transaction has ended, told whether it committed: for the
 * in-memory state (the matcher's index, the recorded loads, the tasks on their way back to
 * matching) that must follow what the database and the broker kept, not what a rolled-back
 * transaction tried.
 */
public final class TransactionEnd {

  private TransactionEnd() {}

  /** Registers {@code action}, called with true after a commit and false after a rollback. */
  public static void then(
      TransactionSynchronizationRegistry transactions, Consumer<Boolean> action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            action.accept(status == Status.STATUS_COMMITTED);
          }
        });
  }
}
