package dev.switchboard.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.MalformedMessageException;
import dev.switchboard.api.ServerUpdates;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

  @Test
  void batchesSurviveTheRoundTrip() {
    ForwardBatch forward = new ForwardBatch(List.of(1L, 2L, 3L));
    assertEquals(forward, MessageCodec.fromJson(MessageCodec.toJson(forward), ForwardBatch.class));

    DispatchBatch dispatch =
        new DispatchBatch(
            "local-1",
            List.of(
                new DispatchItem(1, 1, "sha256", "hello", 300, "local-1"),
                new DispatchItem(2, 2, "sleep", "5", 10, "sim-0007")));
    assertEquals(
        dispatch, MessageCodec.fromJson(MessageCodec.toJson(dispatch), DispatchBatch.class));

    Instant start = Instant.parse("2026-11-26T10:15:30.123Z");
    StatusBatch status =
        new StatusBatch(
            List.of(
                new StatusReport(1, 1, "local-1", true, start, start.plusMillis(5), "abc"),
                new StatusReport(2, 3, "local-1", false, start, start.plusMillis(9), "boom")));
    assertEquals(status, MessageCodec.fromJson(MessageCodec.toJson(status), StatusBatch.class));
  }

  @Test
  void aDispatchBatchCarriesTasksOfSeveralServersOfOneNode() {
    DispatchBatch batch =
        DispatchBatch.forNode(
            List.of(
                new DispatchItem(1, 1, "sleep", "1", 300, "sim-0002"),
                new DispatchItem(2, 1, "sleep", "1", 300, "sim-0001")));
    assertEquals("sim-0002", batch.server(), "routed by its first task's server");
    assertEquals("sim-0001", batch.serverOf(batch.tasks().get(1)));
    assertEquals("worker", DispatchBatch.nodeOf("worker-a-1"));
    assertEquals("main", DispatchBatch.nodeOf("sim-0001"));
    assertEquals("main", DispatchBatch.nodeOf("local-1"));
  }

  @Test
  void aDispatchMessageOfOneServerPerMessageStillReads() {
    DispatchBatch old =
        MessageCodec.fromJson(
            "{\"server\":\"local-2\",\"tasks\":[{\"taskId\":5,\"attempt\":1,"
                + "\"application\":\"sha256\",\"input\":\"x\",\"timeoutSeconds\":30}]}",
            DispatchBatch.class);
    assertEquals("local-2", old.serverOf(old.tasks().get(0)));
  }

  @Test
  void emptyOrNullListsAreMalformed() {
    assertThrows(MalformedMessageException.class, () -> new ForwardBatch(List.of()));
    MalformedMessageException e =
        assertThrows(
            MalformedMessageException.class,
            () -> MessageCodec.fromJson("{\"taskIds\":[]}", ForwardBatch.class));
    assertEquals("a forward batch needs one or more task ids", e.getMessage());
    assertThrows(
        MalformedMessageException.class,
        () -> MessageCodec.fromJson("{\"taskIds\":[1,null]}", ForwardBatch.class));
    assertThrows(
        MalformedMessageException.class,
        () -> MessageCodec.fromJson("{\"tasks\":[]}", DispatchBatch.class));
  }

  @Test
  void garbageIsMalformedAndNamesTheExpectedType() {
    MalformedMessageException e =
        assertThrows(
            MalformedMessageException.class,
            () -> MessageCodec.fromJson("{not json", StatusBatch.class));
    assertTrue(e.getMessage().contains("StatusBatch"), e.getMessage());
    assertThrows(
        MalformedMessageException.class, () -> MessageCodec.fromJson("", StatusBatch.class));
    assertThrows(
        MalformedMessageException.class,
        () -> MessageCodec.fromJson("{\"taskIds\":[\"x\"]}", ForwardBatch.class));
  }

  @Test
  void aValueAContractRefusesIsMalformedSayingWhichAndWhy() {
    MalformedMessageException e =
        assertThrows(
            MalformedMessageException.class,
            () ->
                MessageCodec.fromJson(
                    "{\"servers\":[{\"name\":\"ok-1\",\"tier2\":\"tier2-a\",\"slots\":-5,"
                        + "\"applications\":[\"sha256\"]}]}",
                    ServerUpdates.class));
    assertEquals(
        "not a valid ServerUpdates: server ok-1 needs 1 to 10000 slots, got -5", e.getMessage());
  }
}
