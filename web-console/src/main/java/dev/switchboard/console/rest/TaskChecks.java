package dev.switchboard.console.rest;

import dev.switchboard.api.ExpressionCheck;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.TaskRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;

/**
 * What a submission must pass beyond its form before it reaches tier 1: an application some
 * registered server has, and expressions that type-check. One check per request, for single and
 * batch submissions alike.
 */
@RequestScoped
public class TaskChecks {

  @EJB ServerRegistry servers;

  @EJB ExpressionCheck expressions;

  private Set<String> known;

  /**
   * @param prefix what the error's field starts with, e.g. {@code tasks[3].}, or empty
   * @throws InvalidRequestException naming the field at fault
   */
  public void check(TaskRequest request, String prefix) {
    if (known == null) {
      known = servers.knownApplications();
    }
    if (!known.contains(request.application())) {
      throw new InvalidRequestException(
          TaskRequestReader.where(prefix)
              + "unknown application '"
              + request.application()
              + "'; the registered servers have "
              + String.join(", ", known),
          prefix + "application");
    }
    expression(ExpressionCheck.REQUIREMENTS, request.requirements(), prefix);
    expression(ExpressionCheck.RANK, request.rank(), prefix);
  }

  private void expression(String field, String text, String prefix) {
    expressions
        .check(field, text)
        .ifPresent(
            error -> {
              throw new InvalidRequestException(
                  TaskRequestReader.where(prefix) + error.describe(), prefix + field);
            });
  }
}
