package dev.switchboard.fulfillment.boundary;

import dev.switchboard.messaging.StatusBatch;
import dev.switchboard.messaging.control.StatusSending;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Sends the outcomes of a dispatched batch's runs that ended while others of the batch still run
 * ({@link dev.switchboard.fulfillment.control.BatchOutcomes}), in a transaction of its own: they
 * reach tier 2 at once rather than when the dispatch message's transaction commits.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class EarlyReports {

  @Inject StatusSending status;

  /** Sends the batch now, whatever transaction the caller is in. */
  public void send(StatusBatch batch) {
    status.send(batch);
  }
}
