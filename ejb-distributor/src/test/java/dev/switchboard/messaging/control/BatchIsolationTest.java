package dev.switchboard.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchIsolationTest {

  final List<List<Long>> committed = new ArrayList<>();

  /** Matches a batch as one transaction: it fails whole if it holds a poison task. */
  void match(List<Long> ids, List<Long> poison) {
    if (ids.stream().anyMatch(poison::contains)) {
      throw new IllegalStateException("cannot match " + ids);
    }
    committed.add(ids);
  }

  @Test
  void aBatchThatGoesThroughIsNotSplit() {
    BatchIsolation.Outcome<Long> outcome =
        BatchIsolation.process(List.of(1L, 2L, 3L), ids -> match(ids, List.of()));
    assertFalse(outcome.split());
    assertEquals(List.of(List.of(1L, 2L, 3L)), committed);
  }

  @Test
  void onePoisonTaskLeavesTheOthersMatchedAndIsNamed() {
    BatchIsolation.Outcome<Long> outcome =
        BatchIsolation.process(List.of(1L, 2L, 3L, 4L), ids -> match(ids, List.of(3L)));
    assertTrue(outcome.split());
    assertEquals(List.of(3L), outcome.failed());
    assertEquals(List.of(List.of(1L), List.of(2L), List.of(4L)), committed);
  }

  @Test
  void whenEveryTaskFailsAloneTheBatchErrorIsThrownForRedelivery() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> BatchIsolation.process(List.of(1L, 2L), ids -> match(ids, List.of(1L, 2L))));
    assertTrue(e.getMessage().contains("[1, 2]"), e.getMessage());
    assertEquals(2, e.getSuppressed().length);
    RuntimeException single = new IllegalStateException("one");
    assertSame(
        single,
        assertThrows(
            IllegalStateException.class,
            () ->
                BatchIsolation.process(
                    List.of(7L),
                    ids -> {
                      throw single;
                    })));
  }
}
