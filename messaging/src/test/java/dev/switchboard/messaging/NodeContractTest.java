package dev.switchboard.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.api.ServerRegistration;
import dev.switchboard.api.ServerUpdates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Status reports and registrations carry their node; messages from before it still read. */
class NodeContractTest {

  static final Instant T = Instant.parse("2026-11-26T10:15:30.123Z");

  @Test
  void aReportCarriesItsNodeAndOneWithoutStillReads() {
    StatusBatch batch =
        new StatusBatch(List.of(new StatusReport(1, 1, "local-1", true, T, T, "abc", "main@h")));
    assertEquals(batch, MessageCodec.fromJson(MessageCodec.toJson(batch), StatusBatch.class));
    StatusBatch old =
        MessageCodec.fromJson(
            "{\"reports\":[{\"taskId\":1,\"attempt\":1,\"server\":\"local-1\",\"completed\":true,"
                + "\"result\":\"abc\"}]}",
            StatusBatch.class);
    assertNull(old.reports().get(0).node());
  }

  @Test
  void aRegistrationCarriesItsNode() {
    ServerRegistration r =
        new ServerRegistration(
            "worker-1", "tier2-b", 4, Set.of("sha256"), 10, 5, "zone-w", Map.of(), T, "worker@h");
    ServerUpdates updates = new ServerUpdates(List.of(r));
    assertEquals(updates, MessageCodec.fromJson(MessageCodec.toJson(updates), ServerUpdates.class));
    assertNull(
        new ServerRegistration("a", "tier2-a", 1, Set.of("sha256"), 1, 1, "z", Map.of(), T).node());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ServerRegistration(
                "a", "tier2-a", 1, Set.of("sha256"), 1, 1, "z", Map.of(), T, "n".repeat(129)));
  }
}
