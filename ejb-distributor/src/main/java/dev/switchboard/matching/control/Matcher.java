package dev.switchboard.matching.control;

import static dev.switchboard.api.JsonProviders.JSON;

import dev.switchboard.api.ClientProfileView;
import dev.switchboard.api.UserProfileView;
import dev.switchboard.matching.boundary.ExpressionChecker;
import dev.switchboard.matching.control.Expressions.InvalidExpressionException;
import dev.switchboard.matching.control.MatchEngine.Decision;
import dev.switchboard.messaging.DispatchBatch;
import dev.switchboard.messaging.DispatchItem;
import dev.switchboard.messaging.MessageCodec;
import dev.switchboard.messaging.control.TaskDispatch;
import dev.switchboard.profile.boundary.ProfileStore;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.task.entity.Tier;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tier 2's matcher: for each task of a batch, builds what the decision needs (compiled expressions,
 * the stored user and client profiles), has the {@link ServerIndex} decide, records the decision
 * and its explanation on the task, and dispatches the allocated tasks, one message per fulfillment
 * node (and timeout). A task nothing fits waits PENDING. Runs in the caller's transaction, so a
 * batch is matched whole or not at all. Within a batch, a task whose own matching fails (its
 * expressions exceed the evaluation budget, the engine fails on it, its score is not a finite
 * number) fails or waits alone, with the reason, and never fails the others.
 */
@Stateless
public class Matcher {

  static final Tier TIER = Tier.TIER2;

  private static final Logger LOG = Logger.getLogger(Matcher.class.getName());

  @PersistenceContext EntityManager em;

  @EJB ServerIndex index;

  @EJB ExpressionChecker checker;

  @EJB ProfileStore profiles;

  @Inject TaskDispatch dispatch;

  @Inject ResendGuard resends;

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * Matches the tasks with these ids that wait for a server (SUBMITTED or PENDING); others were
   * matched already and are skipped, which makes a redelivered batch harmless.
   *
   * @return how many tasks were allocated
   */
  public int match(String distributor, List<Long> taskIds) {
    List<Task> tasks =
        em.createQuery("SELECT t FROM Task t WHERE t.id IN :ids ORDER BY t.id", Task.class)
            .setParameter("ids", taskIds)
            .getResultList();
    if (tasks.size() < taskIds.size()) {
      LOG.log(
          Level.WARNING,
          "{0}: {1} of {2} forwarded tasks do not exist",
          new Object[] {distributor, taskIds.size() - tasks.size(), taskIds.size()});
    }
    Map<String, List<DispatchItem>> byNode = new LinkedHashMap<>();
    List<Long> fitsNowhere = new ArrayList<>();
    Instant now = Instant.now();
    Batch batch = new Batch(distributor, now, checker.expressions(), fitsNowhere);
    for (Task task : tasks) {
      if (task.getState() == TaskState.SUBMITTED) {
        task.setTier2Distributor(distributor);
        task.moveTo(TaskState.FORWARDED, now, TIER, distributor, "received by " + distributor);
      } else if (task.getState() == TaskState.PENDING
          && task.getNotBefore() != null
          && task.getNotBefore().isAfter(now)) {
        continue; // a retry waiting out its delay; its own delayed message brings it back
      } else if (task.getState() != TaskState.PENDING) {
        LOG.log(
            Level.FINE,
            "Task {0,number,#} is {1}, not matched again",
            new Object[] {task.getId(), task.getState()});
        continue;
      }
      String server = decide(task, batch);
      if (server != null) {
        byNode
            .computeIfAbsent(dispatchGroup(server, task), g -> new ArrayList<>())
            .add(
                new DispatchItem(
                    task.getId(),
                    task.getAttempt(),
                    task.getApplication(),
                    task.getInput(),
                    task.getTimeoutSeconds(),
                    server));
      }
    }
    byNode.values().forEach(items -> dispatch.dispatch(DispatchBatch.forNode(items)));
    // a task that no server could take even with free slots waits for a server change, not for
    // the next freed slot (see ResendGuard)
    resends.matched(transactions, taskIds, List.copyOf(fitsNowhere));
    return byNode.values().stream().mapToInt(List::size).sum();
  }

  /**
   * What the decisions of one batch share: the compiler, and the profiles read so far, so that a
   * batch asks for each user's and client's profile once, not once per task.
   */
  private static final class Batch {
    final String distributor;
    final Instant now;
    final Expressions expressions;
    final List<Long> fitsNowhere;
    final Map<String, UserProfileView> users = new HashMap<>();
    final Map<String, ClientProfileView> clients = new HashMap<>();

    Batch(String distributor, Instant now, Expressions expressions, List<Long> fitsNowhere) {
      this.distributor = distributor;
      this.now = now;
      this.expressions = expressions;
      this.fitsNowhere = fitsNowhere;
    }
  }

  /**
   * Decides one task and records the outcome on it; returns the chosen server or null. A task that
   * waits for something other than free slots (or its user's limit) goes into the batch's {@code
   * fitsNowhere}.
   */
  private String decide(Task task, Batch batch) {
    String distributor = batch.distributor;
    Instant now = batch.now;
    UserProfileView user = batch.users.computeIfAbsent(task.getUser(), profiles::userOrDefault);
    task.setPriority(user.priority());
    TaskSpec spec;
    try {
      Expressions expressions = batch.expressions;
      CompiledExpression requirements =
          expressions.compile(Expressions.REQUIREMENTS, task.getRequirements());
      CompiledExpression rank = expressions.compile(Expressions.RANK, task.getRank());
      spec =
          new TaskSpec(
              task.getId(),
              task.getApplication(),
              task.getSlots(),
              task.getMinPower(),
              requirements,
              rank,
              new LinkedHashMap<>(task.getAttributes()),
              user,
              batch.clients.computeIfAbsent(task.getClient(), profiles::clientOrDefault));
    } catch (InvalidExpressionException e) {
      task.moveTo(
          TaskState.FAILED, now, TIER, distributor, "invalid expression: " + e.getMessage());
      return null;
    }
    Decision decision;
    try {
      decision = index.decide(spec, now);
    } catch (RuntimeException e) {
      // the engine is plain in-memory code and reserves nothing before it returns: a failure here
      // is this task's alone, and must not roll back the others of the batch
      LOG.log(Level.WARNING, "Matching task " + task.getId() + " failed", e);
      task.moveTo(TaskState.FAILED, now, TIER, distributor, "matching failed: " + e);
      return null;
    }
    task.setExplanation(explanationJson(decision));
    if (decision.failure() != null) {
      task.moveTo(TaskState.FAILED, now, TIER, distributor, decision.failure());
      return null;
    }
    if (decision.server() == null) {
      if (task.getState() != TaskState.PENDING) {
        task.moveTo(TaskState.PENDING, now, TIER, distributor, decision.explanation().summary());
      }
      if (!waitsForCapacity(decision.explanation())) {
        batch.fitsNowhere.add(task.getId());
      }
      return null;
    }
    String server = decision.server().name();
    task.setServer(server);
    task.moveTo(TaskState.ALLOCATED, now, TIER, distributor, decision.explanation().summary());
    return server;
  }

  /** Whether a task nothing took waits only for slots to free up or for its user's limit. */
  static boolean waitsForCapacity(Explanation explanation) {
    Map<String, Integer> excluded = explanation.excluded();
    return excluded.getOrDefault("slots", 0) > 0 || excluded.getOrDefault("userLimit", 0) > 0;
  }

  /**
   * The explanation as JSON. The engine leaves no non-finite number in it, but should one slip
   * through, JSON-B cannot write it: the explanation is then kept as its summary alone rather than
   * failing the batch.
   */
  static String explanationJson(Decision decision) {
    try {
      return MessageCodec.toJson(decision.explanation());
    } catch (RuntimeException e) {
      return JSON.createObjectBuilder()
          .add("outcome", decision.explanation().outcome())
          .add("summary", decision.explanation().summary())
          .add("unwritable", e.toString())
          .build()
          .toString();
    }
  }

  /**
   * The dispatch message a task goes in: one per node and timeout. A node reports a message's
   * outcomes together once its last task has ended, so tasks of one timeout travel together and a
   * short task does not wait for the end of a long one dispatched with it.
   */
  private static String dispatchGroup(String server, Task task) {
    return DispatchBatch.nodeOf(server) + "/" + task.getTimeoutSeconds();
  }
}
