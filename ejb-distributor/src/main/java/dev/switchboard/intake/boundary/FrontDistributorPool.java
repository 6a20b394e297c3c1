package dev.switchboard.intake.boundary;

import dev.switchboard.api.DistributorView;
import dev.switchboard.api.ExpressionCheck;
import dev.switchboard.api.FrontDistributor;
import dev.switchboard.api.PoolRefusedException;
import dev.switchboard.api.RemoteFrontDistributor;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.TaskReceipt;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.api.TaskRules;
import dev.switchboard.directory.boundary.DistributorDirectory;
import dev.switchboard.directory.boundary.DistributorDirectory.Tier2Choice;
import dev.switchboard.intake.control.Admission;
import dev.switchboard.messaging.control.TaskForwarding;
import dev.switchboard.remote.control.FailureShield;
import dev.switchboard.task.boundary.TaskMeter;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.task.entity.Tier;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tier-1 distributor pool. The class carries no component annotation: ejb-jar.xml declares it
 * once per pool, each declaration with its own EJB name (hence JNDI name), {@code poolName} entry
 * and pool size. It accepts a task without reading its attributes, persists it as SUBMITTED and
 * queues it for the first tier-2 distributor that is up, all in one transaction: a refusal or a
 * failure leaves nothing behind. Before anything else it checks every request against the {@link
 * TaskRules}, whatever the client checked: remote clients reach the pool directly. A failure that
 * is no application exception reaches the caller of {@code submit}, {@code submitAll} or {@code
 * name} as a {@link dev.switchboard.api.ServerFailureException} naming the id of its log entry
 * ({@link FailureShield}).
 */
@Interceptors(FailureShield.class)
public class FrontDistributorPool implements FrontDistributor, RemoteFrontDistributor {

  static final Tier TIER = Tier.TIER1;

  @Resource(name = "poolName")
  String poolName;

  /** Most submissions this pool handles at once; 0 for no limit. */
  @Resource(name = "admissionLimit")
  int admissionLimit;

  @PersistenceContext EntityManager em;

  @EJB DistributorDirectory directory;

  @EJB TaskMeter meter;

  @EJB ServerRegistry servers;

  @EJB ExpressionCheck expressions;

  @Inject TaskForwarding forwarding;

  @Inject Admission admission;

  @Override
  public TaskReceipt submit(TaskRequest request, List<String> skipped) throws PoolRefusedException {
    rules().check(request);
    return admit(List.of(request), orNone(skipped)).get(0);
  }

  @Override
  public List<TaskReceipt> submitAll(List<TaskRequest> requests, List<String> skipped)
      throws PoolRefusedException {
    rules().checkAll(requests);
    return admit(requests, orNone(skipped));
  }

  /** What a remote client says it skipped is a note: none if it sent no list. */
  private static List<String> orNone(List<String> skipped) {
    return skipped == null ? List.of() : skipped;
  }

  private TaskRules rules() {
    return new TaskRules(servers.knownApplications(), expressions);
  }

  private List<TaskReceipt> admit(List<TaskRequest> requests, List<String> skipped)
      throws PoolRefusedException {
    Optional<String> refusal = directory.refusalOf(poolName);
    if (refusal.isPresent()) {
      throw new PoolRefusedException(refusal.get());
    }
    Optional<String> over = admission.enter(poolName, admissionLimit);
    if (over.isPresent()) {
      throw new PoolRefusedException(over.get());
    }
    try {
      return accept(requests, skipped);
    } finally {
      admission.leave(poolName);
    }
  }

  private List<TaskReceipt> accept(List<TaskRequest> requests, List<String> skipped)
      throws PoolRefusedException {
    Tier2Choice choice = directory.chooseTier2();
    DistributorView tier2 = choice.chosen();
    if (tier2 == null) {
      throw new PoolRefusedException(
          "no tier-2 distributor can take tasks (" + String.join("; ", choice.skipped()) + ")");
    }
    String reason =
        "accepted by "
            + poolName
            + ", queued for "
            + tier2.name()
            + (choice.skipped().isEmpty()
                ? ""
                : " (skipped " + String.join("; ", choice.skipped()) + ")");
    Instant now = Instant.now();
    List<Task> tasks = new ArrayList<>(requests.size());
    for (TaskRequest request : requests) {
      Task task =
          new Task(request.application(), request.input(), request.user(), request.client(), now);
      task.needs(
          request.slots(),
          request.minPower(),
          request.requirements(),
          request.rank(),
          request.attributes());
      task.limits(request.timeoutSeconds(), request.maxRetries());
      task.acceptedBy(poolName, skipped.isEmpty() ? null : String.join("; ", skipped));
      task.setTier2Distributor(tier2.name());
      task.moveTo(TaskState.SUBMITTED, now, TIER, poolName, reason);
      em.persist(task);
      tasks.add(task);
    }
    em.flush(); // assigns the ids the forward message carries
    List<Long> ids = tasks.stream().map(Task::getId).toList();
    forwarding.forward(tier2.destination(), ids);
    meter.submitted(ids.size());
    return ids.stream()
        .map(id -> new TaskReceipt(id, TaskState.SUBMITTED.name(), poolName, skipped, tier2.name()))
        .toList();
  }

  @Override
  public List<DistributorView> tier2() {
    return directory.distributors().stream().filter(d -> d.tier() == 2).toList();
  }

  @Override
  public String name() {
    return poolName;
  }
}
