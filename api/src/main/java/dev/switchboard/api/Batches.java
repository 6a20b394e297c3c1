package dev.switchboard.api;

import java.util.List;
import java.util.Objects;

/** The check every batch contract makes of its list. */
public final class Batches {

  /**
   * Most items one message may carry. Senders stay far below it (a REST batch holds at most 1,000
   * tasks); a message above it is hostile or broken, and is parked rather than processed.
   */
  public static final int MAX_ITEMS = 10_000;

  private Batches() {}

  /**
   * @return an immutable copy of a non-empty list without null elements, of at most {@link
   *     #MAX_ITEMS}
   * @throws MalformedMessageException otherwise
   */
  public static <T> List<T> nonEmpty(List<T> items, String problem) {
    if (items == null || items.isEmpty() || items.stream().anyMatch(Objects::isNull)) {
      throw new MalformedMessageException(problem);
    }
    if (items.size() > MAX_ITEMS) {
      throw new MalformedMessageException(
          problem + ", at most " + MAX_ITEMS + " (got " + items.size() + ")");
    }
    return List.copyOf(items);
  }
}
