package dev.switchboard.matching.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Why the matcher chose a server for a task, or why none: how many servers each criterion excluded
 * (in the order they are checked), the servers that came closest and what they lacked, the winner's
 * score by term, and how old the attribute data behind the decision was.
 *
 * @param outcome {@code allocated} or {@code pending}
 * @param server the chosen server, or null
 * @param summary one sentence for people
 * @param servers servers in the index
 * @param scanned servers looked at (a decision may stop after enough feasible ones)
 * @param feasible servers that met every requirement among those scanned
 * @param excluded per criterion, how many servers it excluded
 * @param closest up to three servers that failed latest, with what they lacked
 * @param score the chosen server's score by term, and its total
 * @param oldestDataSeconds age of the oldest idle-power figure among the scanned servers
 * @param newestDataSeconds age of the newest one
 * @param decidedAt when the decision was made
 */
public record Explanation(
    String outcome,
    String server,
    String summary,
    int servers,
    int scanned,
    int feasible,
    Map<String, Integer> excluded,
    List<Near> closest,
    Map<String, Double> score,
    Double oldestDataSeconds,
    Double newestDataSeconds,
    Instant decidedAt) {

  /**
   * A server that did not qualify.
   *
   * @param server its name
   * @param lacked what it lacked
   */
  public record Near(String server, String lacked) {}
}
