package dev.switchboard.fulfillment.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.fulfillment.control.BatchOutcomes;
import dev.switchboard.fulfillment.control.LocalLoad;
import dev.switchboard.fulfillment.control.RunThreads;
import dev.switchboard.fulfillment.control.TaskApplication;
import dev.switchboard.fulfillment.control.TaskRunner;
import dev.switchboard.messaging.DispatchBatch;
import dev.switchboard.messaging.DispatchItem;
import dev.switchboard.messaging.StatusBatch;
import dev.switchboard.messaging.StatusReport;
import dev.switchboard.messaging.boundary.ParkingConsumer;
import dev.switchboard.messaging.control.DeadLetters;
import dev.switchboard.messaging.control.StatusSending;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The message-driven fulfillment bean of this node's servers: runs the tasks of a dispatched batch
 * (tasks for any of the node's servers) side by side, each on its server with its application and
 * within its timeout, and reports the outcomes to tier 2 as one status message, in the dispatch
 * message's transaction; outcomes that would otherwise wait for a much longer run of the same batch
 * go ahead of it ({@link BatchOutcomes}, {@link EarlyReports}). A run past its timeout is
 * interrupted and reported as failed. A message it cannot read is parked on the dead-letter queue
 * with the reason (see {@link DeadLetters}).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Destinations.DISPATCH),
      @ActivationConfigProperty(
          propertyName = "endpointExceptionRedeliveryAttempts",
          propertyValue = Destinations.REDELIVERY_ATTEMPTS),
      @ActivationConfigProperty(
          propertyName = "endpointExceptionRedeliveryInterval",
          propertyValue = Destinations.REDELIVERY_INTERVAL_MS),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      // worker nodes run the servers named worker-*; their descriptor selects those instead.
      // A message without the property is taken here too, and parked as unreadable.
      @ActivationConfigProperty(
          propertyName = "messageSelector",
          propertyValue = "server IS NULL OR server NOT LIKE 'worker-%'")
    })
public class DispatchConsumer extends ParkingConsumer {

  private static final Logger LOG = Logger.getLogger(DispatchConsumer.class.getName());

  @Inject @Any Instance<TaskApplication> applications;

  @EJB LocalServers servers;

  @Inject RunThreads threads;

  @Inject StatusSending status;

  @EJB EarlyReports early;

  /** How long an ended run's report waits for the rest of its batch before it goes alone. */
  static final long EARLY_MILLIS = 500;

  private TaskRunner runner;

  @PostConstruct
  void init() {
    runner = new TaskRunner(applications, Clock.systemUTC(), servers.node());
  }

  @Override
  public void onMessage(Message message) {
    consume(message, DispatchBatch.class, this::run);
  }

  @Override
  protected String source() {
    return "dispatch";
  }

  private void run(DispatchBatch batch) {
    Instant started = Instant.now();
    // asked once per batch: each call of the singleton from a run's thread began and ended a
    // container transaction of its own, two per task (measured at max rate: threads blocked on the
    // transaction manager's tracing check)
    LocalLoad load = servers.load();
    BatchOutcomes outcomes =
        new BatchOutcomes(threads.completions(), EARLY_MILLIS, System::currentTimeMillis);
    for (DispatchItem item : batch.tasks()) {
      String server = batch.serverOf(item);
      outcomes.submit(
          () -> {
            load.started(server);
            try {
              return runner.run(server, item);
            } finally {
              load.ended(server);
            }
          },
          started.plusSeconds(item.timeoutSeconds()).toEpochMilli(),
          new Outcome(server, item, started));
    }
    List<StatusReport> reports;
    try {
      reports = outcomes.await(this::sendEarly);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while the " + batch.tasks().size() + " tasks of a batch ran", e);
    }
    if (!reports.isEmpty()) {
      status.send(new StatusBatch(reports));
    }
    LOG.log(
        Level.FINE,
        "Ran {0} tasks, the first on {1}",
        new Object[] {batch.tasks().size(), batch.server()});
  }

  private void sendEarly(List<StatusReport> reports) {
    try {
      early.send(new StatusBatch(reports));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not report {0} ended runs before the rest of their batch; they go with it: {1}",
          new Object[] {reports.size(), e.toString()});
      throw e;
    }
  }

  /** The report of one run: what it returned, how it failed, or that it outlived its timeout. */
  private final class Outcome implements BatchOutcomes.Outcome {

    private final String server;
    private final DispatchItem item;
    private final Instant started;

    Outcome(String server, DispatchItem item, Instant started) {
      this.server = server;
      this.item = item;
      this.started = started;
    }

    @Override
    public StatusReport ended(Future<StatusReport> run) {
      try {
        return run.get();
      } catch (ExecutionException e) {
        return runner.failed(server, item, started, "run failed: " + e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while task " + item.taskId() + " ended", e);
      }
    }

    @Override
    public StatusReport late() {
      return runner.failed(
          server, item, started, "timed out after " + item.timeoutSeconds() + " s on " + server);
    }
  }
}
