package dev.switchboard.matching.control;

import dev.switchboard.matching.control.CompiledExpression.ExpressionFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which server runs a task: filter, then score. A server qualifies when it has the
 * application, is UP, has the free slots and the computing power the task needs and satisfies its
 * requirements expression. Among those, the highest score wins: the task's rank, the user's
 * preferred zones, locality to the client, trusted idle power per task and low load, each with its
 * weight. Equal scores go to the server picked least recently, so that equals share the work. A
 * server whose score cannot be computed (the rank fails, is not a number or is not finite) is
 * excluded for that task by the criterion {@code score}.
 *
 * <p>Each decision spends from an {@link EvaluationBudget} of {@link
 * MatchPolicy#evaluationBudget()} steps; a task whose expressions exhaust it is not placed and its
 * decision says so ({@link Decision#failure()}), so that one costly task cannot hold the index's
 * evaluation thread for long.
 *
 * <p>Only servers with the application are looked at, starting at a rotating position, and a
 * decision stops after {@link MatchPolicy#sampleSize()} feasible servers. Results of expressions
 * that read only a server's stable attributes are cached on the server's index entry.
 *
 * <p>Thread-safe, and decisions take no lock: they run side by side, each with its own budget, so
 * one costly task delays no other decision. A decision reads the load as it is; {@link #reserve}
 * takes the slots only if they are still free, and its owner decides again when they are not.
 */
public final class MatchEngine {

  static final String APPLICATION = "application";
  static final List<String> CRITERIA = List.of("state", "slots", "power", "requirements", "score");
  private static final int SCORE = 4;
  static final String USER_LIMIT = "userLimit";
  private static final double EPSILON = 1e-9;
  private static final int CLOSEST = 3;

  /** Decisions in a row that may lose their chosen slots to others before the task waits. */
  static final int RACES = 8;

  private final MatchPolicy policy;
  private final AtomicInteger rotation = new AtomicInteger();
  private final AtomicLong sequence = new AtomicLong();

  public MatchEngine(MatchPolicy policy) {
    this.policy = policy;
  }

  /**
   * A decision: the chosen server, or null, and why.
   *
   * @param server the chosen server, not yet reserved
   * @param explanation the reasons
   * @param failure why the task cannot be matched at all (its expressions exceed the budget), or
   *     null; the task is then to fail, alone
   */
  public record Decision(ServerEntry server, Explanation explanation, String failure) {

    public Decision(ServerEntry server, Explanation explanation) {
      this(server, explanation, null);
    }
  }

  /**
   * @param userRunning tasks of the task's user that are allocated or running now
   */
  public Decision decide(TaskSpec task, ServerTable table, int userRunning, Instant now) {
    int limit = task.user.maxConcurrent();
    if (limit > 0 && userRunning >= limit) {
      Map<String, Integer> excluded = new LinkedHashMap<>();
      excluded.put(USER_LIMIT, table.size());
      String why = "user " + task.user.user() + " runs " + userRunning + " tasks, at most " + limit;
      return new Decision(
          null,
          new Explanation(
              "pending",
              null,
              why,
              table.size(),
              0,
              0,
              excluded,
              List.of(),
              Map.of(),
              null,
              null,
              now));
    }
    EvaluationBudget budget =
        new EvaluationBudget(policy.evaluationBudget(), policy.evaluationTime());
    try {
      return decide(task, table, now, budget);
    } catch (EvaluationBudget.Exceeded e) {
      String why = "not matched: " + e.getMessage();
      return new Decision(
          null,
          new Explanation(
              "failed",
              null,
              why,
              table.size(),
              0,
              0,
              Map.of(),
              List.of(),
              Map.of(),
              null,
              null,
              now),
          why);
    }
  }

  private Decision decide(TaskSpec task, ServerTable table, Instant now, EvaluationBudget budget) {
    Scoring scoring = new Scoring(policy, task, now.toEpochMilli());
    List<ServerEntry> candidates = table.withApplication(task.application);
    int n = candidates.size();
    int start = n == 0 ? 0 : Math.floorMod(rotation.getAndIncrement(), n);
    int[] excluded = new int[CRITERIA.size()];
    List<int[]> near = new ArrayList<>(); // {candidate index, failed criterion}
    long oldest = Long.MAX_VALUE;
    long newest = Long.MIN_VALUE;
    ServerEntry best = null;
    double bestScore = 0;
    int scanned = 0;
    int feasible = 0;
    for (int k = 0; k < n; k++) {
      int index = (start + k) % n;
      ServerEntry server = candidates.get(index);
      scanned++;
      long millis = server.idlePowerMeasuredMillis();
      if (millis != Long.MIN_VALUE) {
        oldest = Math.min(oldest, millis);
        newest = Math.max(newest, millis);
      }
      int failed = firstFailure(server, task, budget);
      double score = failed >= 0 ? 0 : score(scoring, server, task, budget);
      if (failed < 0 && !Double.isFinite(score)) {
        failed = SCORE;
      }
      if (failed >= 0) {
        excluded[failed]++;
        remember(near, index, failed);
        continue;
      }
      feasible++;
      if (best == null
          || score > bestScore + EPSILON
          || (Math.abs(score - bestScore) <= EPSILON && fairer(server, best))) {
        best = server;
        bestScore = score;
      }
      if (feasible >= policy.sampleSize()) {
        break;
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put(APPLICATION, table.size() - n);
    for (int c = 0; c < CRITERIA.size(); c++) {
      counts.put(CRITERIA.get(c), excluded[c]);
    }
    Double oldestAge = oldest == Long.MAX_VALUE ? null : (now.toEpochMilli() - oldest) / 1000.0;
    Double newestAge = newest == Long.MIN_VALUE ? null : (now.toEpochMilli() - newest) / 1000.0;
    if (best == null) {
      List<Explanation.Near> closest = closest(near, candidates, task, budget);
      return new Decision(
          null,
          new Explanation(
              "pending",
              null,
              whyNone(table.size(), counts),
              table.size(),
              scanned,
              0,
              counts,
              closest,
              Map.of(),
              oldestAge,
              newestAge,
              now));
    }
    Map<String, Double> score = scoring.terms(best, rank(best, task, budget), task.slots);
    String summary =
        best.name()
            + " chosen among "
            + feasible
            + " feasible of "
            + scanned
            + " scanned ("
            + table.size()
            + " servers), score "
            + Math.round(score.get("total") * 100) / 100.0;
    return new Decision(
        best,
        new Explanation(
            "allocated",
            best.name(),
            summary,
            table.size(),
            scanned,
            feasible,
            counts,
            List.of(),
            score,
            oldestAge,
            newestAge,
            now));
  }

  /**
   * Decides where the task runs and takes the slots there and a turn of its user's limit, deciding
   * again while other decisions take the chosen server's slots or the user's last turn first.
   *
   * @param running tasks of the task's user that are allocated or running now; counted up here
   * @return the decision; its server's slots and the user's turn are taken
   */
  public Decision place(TaskSpec task, ServerTable table, AtomicInteger running, Instant now) {
    Decision decision = null;
    for (int attempt = 1; attempt <= RACES; attempt++) {
      decision = decide(task, table, running.get(), now);
      ServerEntry chosen = decision.server();
      if (chosen == null) {
        return decision;
      }
      if (!takeTurn(running, task.user.maxConcurrent())) {
        continue; // the user's last turn went to another decision: the next one says so
      }
      if (reserve(chosen, task.slots)) {
        return decision;
      }
      running.decrementAndGet();
    }
    return outrun(decision, now);
  }

  /** Counts one more task of the user, unless that would pass its limit (0: none). */
  private static boolean takeTurn(AtomicInteger running, int limit) {
    while (true) {
      int current = running.get();
      if (limit > 0 && current >= limit) {
        return false;
      }
      if (running.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  /**
   * Takes the chosen server's slots, if another decision has not taken them since, and records that
   * it was picked.
   *
   * @return whether the slots were taken; if not, decide again
   */
  public boolean reserve(ServerEntry server, int slots) {
    if (!server.tryTake(slots)) {
      return false;
    }
    server.picked(sequence.incrementAndGet());
    return true;
  }

  /**
   * The task waits: each of its last decisions chose a server whose slots other decisions took
   * before it could reserve them. Counted as excluded by slots, so that it is matched again when
   * slots free up.
   */
  private static Decision outrun(Decision lost, Instant now) {
    Explanation was = lost.explanation();
    Map<String, Integer> excluded = new LinkedHashMap<>(was.excluded());
    excluded.merge(CRITERIA.get(1), 1, Integer::sum);
    return new Decision(
        null,
        new Explanation(
            "pending",
            null,
            "the servers chosen in "
                + RACES
                + " decisions in a row were filled by other tasks first",
            was.servers(),
            was.scanned(),
            was.feasible(),
            excluded,
            List.of(),
            Map.of(),
            was.oldestDataSeconds(),
            was.newestDataSeconds(),
            now));
  }

  /** The index of the first criterion the server fails, or -1 if it qualifies. */
  private static int firstFailure(ServerEntry server, TaskSpec task, EvaluationBudget budget) {
    if (!server.isUp()) {
      return 0;
    }
    if (server.freeSlots() < task.slots) {
      return 1;
    }
    if (server.snapshot().computingPower() < task.minPower) {
      return 2;
    }
    if (task.requirements != null
        && !Boolean.TRUE.equals(value(task.requirements, server, task, budget))) {
      return 3;
    }
    return -1;
  }

  private static Object value(
      CompiledExpression expression, ServerEntry server, TaskSpec task, EvaluationBudget budget) {
    if (expression.cacheable()) {
      return server.cached(task.cacheKey(expression), expression, task, budget);
    }
    try {
      return expression.eval(task.scope(server), budget);
    } catch (ExpressionFailure e) {
      return e;
    }
  }

  /** The server's total score, NaN if the rank fails or gives no finite number. */
  private static double score(
      Scoring scoring, ServerEntry server, TaskSpec task, EvaluationBudget budget) {
    double rank = rank(server, task, budget);
    return Double.isFinite(rank) ? scoring.total(server, rank, task.slots) : Double.NaN;
  }

  /** The task's rank on the server: 0 without a rank, NaN if it fails or is not a number. */
  private static double rank(ServerEntry server, TaskSpec task, EvaluationBudget budget) {
    if (task.rank == null) {
      return 0;
    }
    return value(task.rank, server, task, budget) instanceof Number number
        ? number.doubleValue()
        : Double.NaN;
  }

  /** Why a server's score could not be computed, for the explanation. */
  private static String whyNoScore(ServerEntry server, TaskSpec task, EvaluationBudget budget) {
    if (task.rank == null) {
      return "score is not a finite number";
    }
    Object rank = value(task.rank, server, task, budget);
    if (rank instanceof ExpressionFailure failure) {
      return "rank could not be evaluated: " + failure.getMessage();
    }
    if (!(rank instanceof Number number)) {
      return "rank is not a number: " + rank;
    }
    return Double.isFinite(number.doubleValue())
        ? "score is not a finite number (rank " + number + ")"
        : "rank is not a finite number: " + number;
  }

  private static boolean fairer(ServerEntry a, ServerEntry b) {
    if (a.lastPicked() != b.lastPicked()) {
      return a.lastPicked() < b.lastPicked();
    }
    return a.name().compareTo(b.name()) < 0;
  }

  /** Keeps the few servers that failed latest in the order of checks. */
  private static void remember(List<int[]> near, int index, int failed) {
    if (near.size() < CLOSEST) {
      near.add(new int[] {index, failed});
      return;
    }
    int weakest = 0;
    for (int i = 1; i < near.size(); i++) {
      if (near.get(i)[1] < near.get(weakest)[1]) {
        weakest = i;
      }
    }
    if (near.get(weakest)[1] < failed) {
      near.set(weakest, new int[] {index, failed});
    }
  }

  private static List<Explanation.Near> closest(
      List<int[]> near, List<ServerEntry> candidates, TaskSpec task, EvaluationBudget budget) {
    return near.stream()
        .sorted(Comparator.comparingInt((int[] f) -> -f[1]))
        .map(f -> lacked(candidates.get(f[0]), f[1], task, budget))
        .toList();
  }

  private static Explanation.Near lacked(
      ServerEntry server, int failed, TaskSpec task, EvaluationBudget budget) {
    String what =
        switch (failed) {
          case 0 -> "is " + server.snapshot().state();
          case 1 -> "has " + server.freeSlots() + " free slots, needs " + task.slots;
          case 2 ->
              "has computing power "
                  + server.snapshot().computingPower()
                  + ", needs at least "
                  + task.minPower;
          case SCORE -> whyNoScore(server, task, budget);
          default -> {
            Object result = value(task.requirements, server, task, budget);
            yield result instanceof ExpressionFailure failure
                ? "requirements could not be evaluated: " + failure.getMessage()
                : "requirements do not hold: " + task.requirements.text();
          }
        };
    return new Explanation.Near(server.name(), what);
  }

  private static String whyNone(int servers, Map<String, Integer> counts) {
    StringBuilder text = new StringBuilder("no server can take it: of ").append(servers);
    text.append(" servers");
    counts.forEach(
        (criterion, count) -> {
          if (count > 0) {
            text.append(", ").append(count).append(" excluded by ").append(criterion);
          }
        });
    return text.toString();
  }
}
