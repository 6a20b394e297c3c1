package dev.switchboard.outcome.boundary;

import dev.switchboard.api.Destinations;
import dev.switchboard.messaging.MessageCodec;
import dev.switchboard.messaging.StatusBatch;
import dev.switchboard.messaging.boundary.ParkingConsumer;
import dev.switchboard.messaging.control.DeadLetters;
import dev.switchboard.outcome.control.StatusAuthenticity;
import dev.switchboard.outcome.control.StatusAuthenticity.Refusal;
import dev.switchboard.outcome.control.TaskOutcomes;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Receives what fulfillment servers report about the tasks they ran and has {@link TaskOutcomes}
 * record it, the whole batch in the message's transaction. Reports that are not authentic (see
 * {@link StatusAuthenticity}) are refused: the rest of the batch is applied, and the refused ones
 * are parked as one dead letter with the reasons, in a body of their own ({@link RefusedReports})
 * that names no task to fail, so that a forged report changes nothing about the task it names.
 * Unreadable or repeatedly failing messages are parked as dead letters (see {@link DeadLetters}).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Destinations.STATUS),
      @ActivationConfigProperty(
          propertyName = "endpointExceptionRedeliveryAttempts",
          propertyValue = Destinations.REDELIVERY_ATTEMPTS),
      @ActivationConfigProperty(
          propertyName = "endpointExceptionRedeliveryInterval",
          propertyValue = Destinations.REDELIVERY_INTERVAL_MS),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
public class StatusConsumer extends ParkingConsumer implements MessageListener {

  /** Longest dead-letter reason written; the refused reports themselves are in the body. */
  static final int MAX_REASON = 1_000;

  @EJB TaskOutcomes outcomes;

  @EJB StatusAuthenticity authenticity;

  /**
   * The body of a dead letter of refused reports. Deliberately not a {@link StatusBatch}: the
   * dead-letter records fail the tasks a parked batch names, and a forged report must not fail the
   * genuine run of the task it names.
   *
   * @param refused each refused report with its reason
   */
  public record RefusedReports(List<Refusal> refused) {}

  @Override
  public void onMessage(Message message) {
    consume(message, StatusBatch.class, this::handle);
  }

  /** Applies the authentic reports of a batch and parks the others. */
  void handle(StatusBatch batch) {
    StatusAuthenticity.Checked checked = authenticity.check(batch.reports());
    if (!checked.genuine().isEmpty()) {
      outcomes.record(checked.genuine());
    }
    if (!checked.refused().isEmpty()) {
      parkBody(MessageCodec.toJson(new RefusedReports(checked.refused())), reason(checked));
    }
  }

  static String reason(StatusAuthenticity.Checked checked) {
    String why =
        checked.refused().size()
            + " of "
            + (checked.refused().size() + checked.genuine().size())
            + " status reports refused: "
            + checked.refused().stream().map(Refusal::reason).collect(Collectors.joining("; "));
    return why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON - 1) + "…";
  }

  @Override
  protected String source() {
    return "status";
  }
}
