package dev.switchboard.task.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.api.TaskRules;
import dev.switchboard.task.entity.Task;
import jakarta.persistence.Column;
import org.junit.jupiter.api.Test;

/** The API's limits on a task's fields are the lengths of the task table's columns. */
class TaskColumnsTest {

  @Test
  void theLimitsAreTheTaskTablesColumns() throws Exception {
    assertEquals(TaskRules.MAX_APPLICATION, column("application"));
    assertEquals(TaskRules.MAX_INPUT, column("input"));
    assertEquals(TaskRules.MAX_ID, column("user"));
    assertEquals(TaskRules.MAX_ID, column("client"));
    assertEquals(TaskRules.MAX_EXPRESSION, column("requirements"));
    assertEquals(TaskRules.MAX_EXPRESSION, column("rank"));
    assertEquals(TaskRules.MAX_ATTRIBUTES_JSON, column("attributes"));
  }

  static int column(String field) throws NoSuchFieldException {
    return Task.class.getDeclaredField(field).getAnnotation(Column.class).length();
  }
}
