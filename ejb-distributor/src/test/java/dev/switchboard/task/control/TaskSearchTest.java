package dev.switchboard.task.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.TaskFilter;
import dev.switchboard.task.entity.TaskState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskSearchTest {

  @Test
  void noFilterMeansNoCondition() {
    TaskSearch search = TaskSearch.of(TaskFilter.NONE);
    assertEquals("", search.where());
    assertTrue(search.parameters().isEmpty());
  }

  @Test
  void everyFieldBecomesABoundCondition() {
    TaskSearch search =
        TaskSearch.of(
            new TaskFilter(
                "completed",
                "alice",
                "sha256",
                "local-1",
                "2026-11-26T08:00:00Z",
                "2026-11-26T09:00:00Z"));
    assertEquals(
        " WHERE t.state = :state AND t.user = :user AND t.application = :application"
            + " AND t.server = :server AND t.submittedAt >= :from AND t.submittedAt < :before",
        search.where());
    assertEquals(TaskState.COMPLETED, search.parameters().get("state"));
    assertEquals(Instant.parse("2026-11-26T08:00:00Z"), search.parameters().get("from"));
  }

  @Test
  void userTextIsAParameterNeverPartOfTheQuery() {
    TaskSearch search = TaskSearch.of(new TaskFilter(null, "x' OR '1'='1", null, null, null, "  "));
    assertEquals(" WHERE t.user = :user", search.where());
  }

  @Test
  void badValuesNameTheirField() {
    InvalidInputException state =
        assertThrows(
            InvalidInputException.class,
            () -> TaskSearch.of(new TaskFilter("DONE", null, null, null, null, null)));
    assertEquals("state", state.field());
    assertTrue(state.getMessage().startsWith("state: unknown state 'DONE'"));
    InvalidInputException time =
        assertThrows(
            InvalidInputException.class,
            () -> TaskSearch.of(new TaskFilter(null, null, null, null, "yesterday", null)));
    assertEquals("submittedFrom", time.field());
    assertTrue(time.getMessage().startsWith("submittedFrom:"));
  }

  @Test
  void severalStatesDistributorAndTextAreBoundToo() {
    TaskSearch search =
        TaskSearch.of(
            new TaskFilter("pending,RUNNING", null, null, null, "tier2-b", null, null, "42"));
    assertEquals(
        " WHERE t.state IN :states AND t.tier2Distributor = :distributor AND (t.id = :textId"
            + " OR t.application = :text OR t.user = :text OR t.server = :text"
            + " OR t.tier2Distributor = :text)",
        search.where());
    assertEquals(List.of(TaskState.PENDING, TaskState.RUNNING), search.parameters().get("states"));
    assertEquals(42L, search.parameters().get("textId"));
    TaskSearch words =
        TaskSearch.of(new TaskFilter(null, null, null, null, null, null, null, "alice"));
    assertEquals(
        " WHERE (t.application = :text OR t.user = :text OR t.server = :text"
            + " OR t.tier2Distributor = :text)",
        words.where());
    assertFalse(words.parameters().containsKey("textId"), "a word is not an id");
  }

  @Test
  void aStateListWithAnUnknownOneNamesIt() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> TaskSearch.of(new TaskFilter("PENDING,WAITING", null, null, null, null, null)));
    assertEquals("state", e.field());
    assertTrue(e.getMessage().startsWith("state: unknown state 'WAITING'"), e.getMessage());
  }
}
