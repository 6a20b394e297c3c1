package dev.switchboard.messaging.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps one bad item from failing the others of its batch: the batch is processed whole and, if
 * that fails, item by item, each on its own (each call its own transaction, so that what succeeds
 * is kept). If every item fails alone too, the cause is probably not in the items (a database or
 * broker outage): the batch's error is thrown and the message is redelivered whole, as before. A
 * batch of one is never split.
 */
public final class BatchIsolation {

  private BatchIsolation() {}

  /**
   * What processing one by one left over.
   *
   * @param failed the items that failed alone, in batch order; empty if the batch went through
   * @param error the batch's error, or null
   */
  public record Outcome<T>(List<T> failed, RuntimeException error) {

    public boolean split() {
      return error != null;
    }
  }

  /**
   * @param work processes a list of items, in a transaction of its own
   * @throws RuntimeException the batch's error, if the batch has one item or every item failed
   */
  public static <T> Outcome<T> process(List<T> items, Consumer<List<T>> work) {
    try {
      work.accept(items);
      return new Outcome<>(List.of(), null);
    } catch (RuntimeException batchError) {
      if (items.size() <= 1) {
        throw batchError;
      }
      List<T> failed = new ArrayList<>();
      for (T item : items) {
        try {
          work.accept(List.of(item));
        } catch (RuntimeException alone) {
          failed.add(item);
          batchError.addSuppressed(alone);
        }
      }
      if (failed.size() == items.size()) {
        throw batchError;
      }
      return new Outcome<>(List.copyOf(failed), batchError);
    }
  }
}
