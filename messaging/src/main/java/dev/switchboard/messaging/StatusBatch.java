package dev.switchboard.messaging;

import dev.switchboard.api.Batches;
import java.util.List;

/**
 * The body of a message on the status queue: reports of tasks that ended on a fulfillment server.
 *
 * @param reports one or more reports
 */
public record StatusBatch(List<StatusReport> reports) {

  public StatusBatch {
    reports = Batches.nonEmpty(reports, "a status batch needs one or more reports");
  }
}
