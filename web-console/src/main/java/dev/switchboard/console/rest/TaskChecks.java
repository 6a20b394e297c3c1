package dev.switchboard.console.rest;

import dev.switchboard.api.ExpressionCheck;
import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.InvalidTaskException;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.api.TaskRules;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;

/**
 * The {@link TaskRules} as the API applies them, before a submission reaches tier 1 (which checks
 * them again): the applications the registered servers have are read once per request, for single
 * and batch submissions alike, and a broken rule is a 400 naming the field.
 */
@RequestScoped
public class TaskChecks {

  @EJB ServerRegistry servers;

  @EJB ExpressionCheck expressions;

  private TaskRules rules;

  /**
   * @param prefix what the error's field starts with, e.g. {@code tasks[3].}, or empty
   * @throws InvalidInputException naming the field at fault
   */
  public void check(TaskRequest request, String prefix) {
    if (rules == null) {
      rules = new TaskRules(servers.knownApplications(), expressions);
    }
    try {
      rules.check(request);
    } catch (InvalidTaskException e) {
      throw refused(e, prefix);
    }
  }

  /** The 400 of a broken rule; in a batch the field and message name the task. */
  static InvalidInputException refused(InvalidTaskException e, String prefix) {
    String field =
        e.field() != null
            ? prefix + e.field()
            : prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1);
    return new InvalidInputException(field, TaskRequestReader.where(prefix) + e.getMessage());
  }
}
