package dev.switchboard.outcome.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.MalformedMessageException;
import dev.switchboard.messaging.MessageCodec;
import dev.switchboard.messaging.StatusBatch;
import dev.switchboard.messaging.StatusReport;
import dev.switchboard.outcome.control.StatusAuthenticity;
import dev.switchboard.outcome.control.StatusAuthenticity.Run;
import dev.switchboard.outcome.control.TaskOutcomes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A forged status report is refused and parked; the genuine ones of its batch are applied. */
class StatusConsumerTest {

  static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

  /** Task 1 runs attempt 1 on local-1, task 2 attempt 2 on local-2, task 3 on rest-1. */
  static final Map<Long, Run> RUNS =
      Map.of(1L, new Run(1, "local-1"), 2L, new Run(2, "local-2"), 3L, new Run(1, "rest-1"));

  /** local-1 and local-2 registered from main@host; rest-1 over REST, naming no node. */
  static final Map<String, String> NODES =
      Map.of("local-1", "main@host", "local-2", "main@host", "rest-1", "");

  static StatusReport report(long task, int attempt, String server, String node, String result) {
    return new StatusReport(task, attempt, server, true, T, T.plusMillis(5), result, node);
  }

  final List<List<StatusReport>> applied = new ArrayList<>();
  final List<String[]> parked = new ArrayList<>();

  /** The consumer with its beans replaced by plain objects over RUNS and NODES. */
  StatusConsumer consumer() {
    StatusConsumer consumer =
        new StatusConsumer() {
          @Override
          protected void parkBody(String body, String reason) {
            parked.add(new String[] {body, reason});
          }
        };
    consumer.authenticity =
        new StatusAuthenticity() {
          @Override
          public Checked check(List<StatusReport> reports) {
            return check(reports, RUNS::get, server -> Optional.ofNullable(NODES.get(server)));
          }
        };
    consumer.outcomes =
        new TaskOutcomes() {
          @Override
          public void record(List<StatusReport> reports) {
            applied.add(reports);
          }
        };
    return consumer;
  }

  @Test
  void aReportNamingTheWrongServerIsRefusedWhileTheGenuineOneIsApplied() {
    StatusReport genuine = report(2, 2, "local-2", "main@host", "ok");
    StatusReport forged = report(1, 1, "evil-node", "main@host", "owned");
    consumer().handle(new StatusBatch(List.of(forged, genuine)));

    assertEquals(List.of(List.of(genuine)), applied);
    assertEquals(1, parked.size());
    String reason = parked.get(0)[1];
    assertTrue(reason.contains("1 of 2 status reports refused"), reason);
    assertTrue(reason.contains("allocated to server local-1"), reason);
    assertTrue(reason.contains("names server evil-node"), reason);
  }

  @Test
  void aReportFromAnotherNodeIsRefusedAndTheExpectedNodeIsNotTold() {
    StatusReport forged = report(1, 1, "local-1", "evil-node", "owned");
    StatusReport unnamed = report(2, 2, "local-2", null, "owned too");
    consumer().handle(new StatusBatch(List.of(forged, unnamed)));

    assertEquals(List.of(), applied, "nothing applied");
    String reason = parked.get(0)[1];
    assertTrue(reason.contains("2 of 2 status reports refused"), reason);
    assertTrue(reason.contains("it names node evil-node"), reason);
    assertTrue(!reason.contains("main@host"), reason);
  }

  @Test
  void theParkedBodyNamesNoTaskToFail() {
    consumer().handle(new StatusBatch(List.of(report(1, 1, "evil-node", "x", "owned"))));
    String body = parked.get(0)[0];
    assertTrue(body.contains("evil-node"), body);
    // the dead-letter records fail the tasks of a parked status batch: this is none
    assertThrows(
        MalformedMessageException.class, () -> MessageCodec.fromJson(body, StatusBatch.class));
  }

  @Test
  void reportsThatWouldChangeNothingAndServersWithoutANodeAreLeftToTheOutcomes() {
    List<StatusReport> reports =
        List.of(
            report(1, 1, "local-1", "main@host", "genuine"),
            report(2, 1, "evil-node", "x", "an earlier attempt: ignored later"),
            report(9, 1, "evil-node", "x", "an unknown task: ignored later"),
            report(3, 1, "rest-1", "whatever@host", "a server registered without a node"));
    consumer().handle(new StatusBatch(reports));
    assertEquals(List.of(reports), applied);
    assertEquals(List.of(), parked);
  }
}
