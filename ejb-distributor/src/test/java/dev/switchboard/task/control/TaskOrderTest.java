package dev.switchboard.task.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.InvalidInputException;
import dev.switchboard.task.entity.TaskState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskOrderTest {

  @Test
  void theDefaultIsNewestFirst() {
    assertEquals("-id", TaskOrder.parse(null).text());
    assertEquals(" ORDER BY t.id DESC", TaskOrder.parse(" ").orderBy(false));
    assertEquals(" ORDER BY t.id ASC", TaskOrder.parse("-id").orderBy(true));
  }

  @Test
  void theIdBreaksTiesInTheKeysDirection() {
    assertEquals(
        " ORDER BY t.submittedAt DESC, t.id DESC", TaskOrder.parse("-submittedAt").orderBy(false));
    assertEquals(" ORDER BY t.state ASC, t.id ASC", TaskOrder.parse("+state").orderBy(false));
    assertEquals("state", TaskOrder.parse("+state").text());
  }

  @Test
  void aCursorBecomesARangeAfterOrBeforeItsTask() {
    TaskOrder newest = TaskOrder.parse("-submittedAt");
    Instant at = Instant.parse("2026-11-26T12:00:00.123456Z");
    TaskOrder.Range after = newest.range(new TaskCursor("-submittedAt", true, at.toString(), 9));
    assertEquals(
        "(t.submittedAt < :cursorKey OR (t.submittedAt = :cursorKey AND t.id < :cursorId))",
        after.condition());
    assertEquals(at, after.parameters().get("cursorKey"));
    assertEquals(
        "t.id > :cursorId",
        TaskOrder.parse("-id").range(new TaskCursor("-id", false, "", 9)).condition());
  }

  @Test
  void statesBeyondTheCursorsAreListedSinceEnumsOnlyCompareForEquality() {
    TaskOrder.Range after =
        TaskOrder.parse("state").range(new TaskCursor("state", true, "PENDING", 5));
    assertEquals(
        "(t.state IN :cursorStates OR (t.state = :cursorKey AND t.id > :cursorId))",
        after.condition());
    assertEquals(
        List.of(TaskState.SUBMITTED, TaskState.RUNNING), after.parameters().get("cursorStates"));
    TaskOrder.Range last =
        TaskOrder.parse("state").range(new TaskCursor("state", true, "SUBMITTED", 5));
    assertEquals("(t.state = :cursorKey AND t.id > :cursorId)", last.condition());
  }

  @Test
  void anUnknownKeyNamesSortAndTheKeys() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> TaskOrder.parse("-priority"));
    assertEquals("sort", e.field());
    assertEquals(
        "sort: unknown key '-priority'; one of [id, submittedAt, state], with a leading - for"
            + " descending",
        e.getMessage());
  }

  @Test
  void aCursorTravelsAsOpaqueUrlSafeTextAndComesBackWhole() {
    TaskCursor cursor = new TaskCursor("-submittedAt", false, "2026-11-26T12:00:00Z", 1234);
    String text = cursor.encode();
    assertTrue(text.matches("[A-Za-z0-9_-]+"), text);
    assertEquals(cursor, TaskCursor.decode(text, "-submittedAt"));
    InvalidInputException other =
        assertThrows(InvalidInputException.class, () -> TaskCursor.decode(text, "-id"));
    assertEquals("cursor", other.field());
    assertEquals(
        "cursor: made for sort '-submittedAt', not '-id'; start again without it",
        other.getMessage());
  }

  @Test
  void aCursorWithAKeyOfTheWrongTypeIsRefused() {
    TaskCursor forged = new TaskCursor("state", true, "LATER", 1);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> TaskOrder.parse("state").range(forged));
    assertEquals("cursor", e.field());
  }
}
