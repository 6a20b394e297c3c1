package dev.switchboard.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The sequential search over tier-1 pools: try each pool in order until one accepts. A pool that
 * refuses, cannot be found or fails is recorded with its reason and the next one is tried. Used by
 * every client of tier 1 (REST, console, remote clients), each with its own way to reach a pool.
 */
public final class PoolSearch {

  private final List<String> order;
  private final Function<String, ? extends TaskAcceptor> lookup;

  /**
   * @param order pool names in search order
   * @param lookup finds a pool by name; may throw if the pool cannot be reached
   */
  public PoolSearch(List<String> order, Function<String, ? extends TaskAcceptor> lookup) {
    if (order.isEmpty()) {
      throw new IllegalArgumentException("the tier-1 pool search order is empty");
    }
    this.order = List.copyOf(order);
    this.lookup = lookup;
  }

  /** Parses a comma-separated search order such as {@code FrontPool1,FrontPool2}. */
  public static List<String> parseOrder(String names) {
    return Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * Submits to the first pool that accepts.
   *
   * @throws NoPoolAcceptedException when none does, listing every pool and its reason
   * @throws InvalidTaskException when the first pool reached finds the request invalid
   */
  public TaskReceipt submit(TaskRequest request) throws NoPoolAcceptedException {
    return search((pool, skipped) -> pool.submit(request, skipped));
  }

  /** Submits many tasks to the first pool that accepts them all, in one transaction. */
  public List<TaskReceipt> submitAll(List<TaskRequest> requests) throws NoPoolAcceptedException {
    return search((pool, skipped) -> pool.submitAll(requests, skipped));
  }

  /** One attempt at one pool. */
  private interface Attempt<T> {
    T at(TaskAcceptor pool, List<String> skipped) throws PoolRefusedException;
  }

  private <T> T search(Attempt<T> attempt) throws NoPoolAcceptedException {
    List<String> skipped = new ArrayList<>();
    for (String pool : order) {
      try {
        return attempt.at(lookup.apply(pool), new ArrayList<>(skipped));
      } catch (PoolRefusedException e) {
        skipped.add(pool + ": " + e.getMessage());
      } catch (InvalidTaskException e) {
        throw e; // every pool checks the same rules: the next one would refuse it too
      } catch (ServerFailureException e) {
        skipped.add(pool + ": failed (" + e.getMessage() + ")"); // the id is all it has to say
      } catch (RuntimeException e) {
        skipped.add(pool + ": failed (" + rootMessage(e) + ")");
      }
    }
    throw new NoPoolAcceptedException(skipped);
  }

  public List<String> order() {
    return order;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
