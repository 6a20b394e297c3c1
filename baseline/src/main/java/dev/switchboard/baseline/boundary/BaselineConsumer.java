package dev.switchboard.baseline.boundary;

import dev.switchboard.baseline.entity.BaselineTask;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The baseline's single consumer: takes one task per message from {@value BaselineFeeder#QUEUE} and
 * marks it done, in the message's container-managed transaction. One receive, one row update, one
 * commit per task, by one bean instance: that is the pipeline Switchboard is measured against.
 *
 * <p>{@code MaxPoolSize} 1 and {@code SteadyPoolSize} 1 are Payara's bean-pool settings as
 * activation properties (Payara 5.193 and later; the names are case-sensitive). Payara hands the
 * pool size to the broker's resource adapter as its endpoint pool, so one message is in flight.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = BaselineFeeder.QUEUE),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "MaxPoolSize", propertyValue = "1"),
      @ActivationConfigProperty(propertyName = "SteadyPoolSize", propertyValue = "1")
    })
public class BaselineConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(BaselineConsumer.class.getName());

  @PersistenceContext(unitName = BaselineTask.UNIT)
  EntityManager em;

  @Override
  public void onMessage(Message message) {
    long id;
    try {
      id = Long.parseLong(message.getBody(String.class));
    } catch (JMSException e) {
      // rolls the transaction back: the broker redelivers, then dead-letters the message
      throw new IllegalStateException("cannot read a baseline message", e);
    }
    BaselineTask task = em.find(BaselineTask.class, id);
    if (task == null) {
      // The table was emptied (DELETE /api/tasks) while the message was queued: nothing to do,
      // and redelivering would not bring the row back.
      LOG.log(Level.FINE, "Baseline task {0} no longer exists", id);
      return;
    }
    task.complete(System.currentTimeMillis());
  }
}
