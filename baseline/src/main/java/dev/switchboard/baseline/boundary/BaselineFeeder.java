package dev.switchboard.baseline.boundary;

import dev.switchboard.baseline.entity.BaselineTask;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Submits baseline tasks: stores them and sends one persistent message per task (the body is the
 * task's id) to {@value #QUEUE}, all in the caller's one transaction, so that either every task is
 * stored and queued or none is. Also empties the table between runs.
 */
@Stateless
public class BaselineFeeder {

  /** The baseline's queue; scripts/baseline creates it (physical name SwitchboardBaseline). */
  public static final String QUEUE = "jms/switchboard/baseline";

  private static final Logger LOG = Logger.getLogger(BaselineFeeder.class.getName());

  @PersistenceContext(unitName = BaselineTask.UNIT)
  EntityManager em;

  // Not @Inject JMSContext: it fails with a NullPointerException in Payara's embedded broker mode.
  @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = QUEUE)
  Queue queue;

  /**
   * Stores {@code count} new tasks and queues one message for each, in one transaction.
   *
   * @return {@code count}
   */
  public int submit(int count) {
    long now = System.currentTimeMillis();
    List<BaselineTask> tasks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      BaselineTask task = new BaselineTask(now);
      em.persist(task);
      tasks.add(task);
    }
    em.flush();
    try (JMSContext context = connectionFactory.createContext()) {
      JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
      for (BaselineTask task : tasks) {
        producer.send(queue, Long.toString(task.getId()));
      }
    }
    return count;
  }

  /**
   * Deletes every task. Messages still queued for deleted tasks are dropped by the consumer.
   *
   * @return how many tasks were deleted
   */
  public int clear() {
    int deleted = em.createNamedQuery(BaselineTask.DELETE_ALL).executeUpdate();
    LOG.log(Level.INFO, "Deleted {0} baseline tasks", deleted);
    return deleted;
  }
}
