package dev.switchboard.api;

import java.util.List;
import java.util.Objects;

/** The check every batch contract makes of its list. */
final class Batches {

  private Batches() {}

  /**
   * @return an immutable copy of a non-empty list without null elements
   * @throws MalformedMessageException otherwise
   */
  static <T> List<T> nonEmpty(List<T> items, String problem) {
    if (items == null || items.isEmpty() || items.stream().anyMatch(Objects::isNull)) {
      throw new MalformedMessageException(problem);
    }
    return List.copyOf(items);
  }
}
