package dev.switchboard.matching.control;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Picks the server for a task among snapshots: only servers that can take the application now;
 * among them the one with the most idle computing power per busy slot, then the most free slots,
 * then the name, so that the choice is deterministic.
 */
public final class ServerChoice {

  static final Comparator<ServerSnapshot> BEST_FIRST =
      Comparator.comparingDouble(ServerChoice::idleShare)
          .reversed()
          .thenComparing(Comparator.comparingInt(ServerSnapshot::freeSlots).reversed())
          .thenComparing(ServerSnapshot::name);

  private ServerChoice() {}

  public static Optional<ServerSnapshot> best(
      Collection<ServerSnapshot> servers, String application) {
    return servers.stream().filter(s -> s.canTake(application)).min(BEST_FIRST);
  }

  /**
   * Idle power a new task could expect: the server's idle power shared among the tasks it would
   * then run.
   */
  static double idleShare(ServerSnapshot s) {
    return s.idlePower() / (s.load() + 1);
  }

  /** Why no server fits, counting the servers each criterion excluded. */
  public static String whyNone(Collection<ServerSnapshot> servers, String application) {
    long down = servers.stream().filter(s -> !s.state().name().equals("UP")).count();
    long noApp =
        servers.stream()
            .filter(s -> s.state().name().equals("UP"))
            .filter(s -> !s.applications().contains(application))
            .count();
    long full =
        servers.stream()
            .filter(s -> s.state().name().equals("UP"))
            .filter(s -> s.applications().contains(application))
            .filter(s -> s.freeSlots() == 0)
            .count();
    return "no server can take it: "
        + servers.size()
        + " registered, "
        + down
        + " not up, "
        + noApp
        + " without application '"
        + application
        + "', "
        + full
        + " with no free slot";
  }
}
