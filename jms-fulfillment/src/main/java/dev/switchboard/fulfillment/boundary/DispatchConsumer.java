package dev.switchboard.fulfillment.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.DispatchBatch;
import dev.switchboard.api.MessageCodec;
import dev.switchboard.api.StatusBatch;
import dev.switchboard.api.StatusReport;
import dev.switchboard.fulfillment.control.TaskApplication;
import dev.switchboard.fulfillment.control.TaskRunner;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The message-driven fulfillment bean of this node's servers: runs each task of a dispatched batch
 * with its application and reports the outcomes to tier 2 as one status message, in the dispatch
 * message's transaction. A message it cannot read is rolled back, so the broker redelivers it and
 * finally dead-letters it.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Destinations.DISPATCH),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
public class DispatchConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(DispatchConsumer.class.getName());

  @Inject @Any Instance<TaskApplication> applications;

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Destinations.STATUS)
  Queue status;

  private TaskRunner runner;

  @PostConstruct
  void init() {
    runner = new TaskRunner(applications, Clock.systemUTC());
  }

  @Override
  public void onMessage(Message message) {
    DispatchBatch batch;
    try {
      batch = MessageCodec.read(message, DispatchBatch.class);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Dispatch queue rejects a message: {0}", e.getMessage());
      throw e;
    }
    List<StatusReport> reports =
        batch.tasks().stream().map(item -> runner.run(batch.server(), item)).toList();
    try (JMSContext context = connectionFactory.createContext()) {
      context
          .createProducer()
          .setProperty(Destinations.BATCH_SIZE, reports.size())
          .send(status, MessageCodec.toJson(new StatusBatch(reports)));
    }
    LOG.log(Level.FINE, "{0} ran {1} tasks", new Object[] {batch.server(), reports.size()});
  }
}
