package dev.switchboard.outcome.control;

import dev.switchboard.matching.control.ServerFacts;
import dev.switchboard.messaging.StatusReport;
import dev.switchboard.task.entity.Task;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which status reports are authentic before any is applied: a report about a task's current
 * run must name the server that run was allocated to, and come from the node that server registered
 * from. Anyone who can put a message on the status queue could otherwise complete any running task
 * with a result of their choosing. Reports that would change nothing (unknown task, earlier
 * attempt, task not on a server) are left to {@link TaskOutcomes}, which ignores them. A server
 * whose registrations named no node (the REST API's) is checked by its name only.
 *
 * <p>Defence in depth: a node names itself, so this stops reports from anyone who does not know the
 * server's node; that only the fulfillment nodes may write to the status queue is the broker's
 * access control's job.
 */
@Stateless
public class StatusAuthenticity {

  @PersistenceContext EntityManager em;

  @Inject ServerFacts facts;

  /**
   * A report refused, and why.
   *
   * @param report the report as it came
   * @param reason what did not match
   */
  public record Refusal(StatusReport report, String reason) {}

  /**
   * A batch's reports sorted out.
   *
   * @param genuine the reports to apply, in batch order
   * @param refused the reports refused, in batch order
   */
  public record Checked(List<StatusReport> genuine, List<Refusal> refused) {}

  /** What the check needs to know of a task's current run. */
  public record Run(int attempt, String server) {}

  /** Sorts the reports of one batch, in the caller's transaction (the tasks read stay managed). */
  public Checked check(List<StatusReport> reports) {
    Map<Long, Run> runs = new HashMap<>();
    List<Long> ids = reports.stream().map(StatusReport::taskId).distinct().toList();
    // one query for the batch; the tasks stay managed, so TaskOutcomes finds them without another
    for (Task task :
        em.createQuery("SELECT t FROM Task t WHERE t.id IN :ids", Task.class)
            .setParameter("ids", ids)
            .getResultList()) {
      runs.put(task.getId(), new Run(task.getAttempt(), task.getServer()));
    }
    Set<String> servers = new HashSet<>();
    runs.values().stream().map(Run::server).filter(Objects::nonNull).forEach(servers::add);
    Map<String, String> nodes = servers.isEmpty() ? Map.of() : facts.nodesOf(servers);
    return check(reports, runs::get, server -> Optional.ofNullable(nodes.get(server)));
  }

  /**
   * @param runs a task's current run by task id, null for an unknown task
   * @param nodes the node a server registered from: empty if the index does not know it, an empty
   *     string if its registrations named none
   */
  public static Checked check(
      List<StatusReport> reports,
      Function<Long, Run> runs,
      Function<String, Optional<String>> nodes) {
    List<StatusReport> genuine = new ArrayList<>(reports.size());
    List<Refusal> refused = new ArrayList<>();
    for (StatusReport report : reports) {
      Optional<String> why = refusal(report, runs.apply(report.taskId()), nodes);
      if (why.isEmpty()) {
        genuine.add(report);
      } else {
        refused.add(new Refusal(report, why.get()));
      }
    }
    return new Checked(List.copyOf(genuine), List.copyOf(refused));
  }

  /** Why the report is refused as not genuine, or empty if it is let through. */
  private static Optional<String> refusal(
      StatusReport report, Run run, Function<String, Optional<String>> nodes) {
    if (run == null || run.server() == null || run.attempt() != report.attempt()) {
      return Optional.empty(); // changes nothing: TaskOutcomes ignores it
    }
    if (!run.server().equals(report.server())) {
      return Optional.of(
          "task "
              + report.taskId()
              + ": attempt "
              + run.attempt()
              + " was allocated to server "
              + run.server()
              + ", the report names server "
              + report.server());
    }
    String registered = nodes.apply(run.server()).orElse("");
    if (!registered.isEmpty() && !registered.equals(report.node())) {
      // the expected node is not named: the reason is kept where operators, not forgers, read it,
      // but it need not teach anyone what to write
      return Optional.of(
          "task "
              + report.taskId()
              + ": the report does not come from the node server "
              + run.server()
              + " registered from (it names node "
              + report.node()
              + ")");
    }
    return Optional.empty();
  }
}
