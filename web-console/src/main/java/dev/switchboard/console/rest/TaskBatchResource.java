package dev.switchboard.console.rest;

import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.NoPoolAcceptedException;
import dev.switchboard.api.Roles;
import dev.switchboard.api.TaskReceipt;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.api.TaskRules;
import dev.switchboard.console.tier1.Tier1;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Batch submission: {@code POST /api/tasks:batch} with {@code {"tasks":[{...}, ...]}} (1 to {@value
 * #MAX_TASKS}). Every task is checked first, and a bad one rejects the batch naming it ({@code
 * tasks[3].user}); the batch goes to one tier-1 pool in one transaction and to tier 2 as one
 * message: all tasks are accepted or none.
 */
@Path("tasks:batch")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
public class TaskBatchResource {

  static final int MAX_TASKS = TaskRules.MAX_BATCH;

  private static final Logger LOG = Logger.getLogger(TaskBatchResource.class.getName());

  @Inject Tier1 tier1;

  @Inject TaskChecks checks;

  @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(String body) {
    JsonObject json = JsonBodies.object(body, Set.of("tasks"), "a batch");
    JsonValue value = json.get("tasks");
    if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_TASKS) {
      throw new InvalidInputException(
          "tasks", "tasks must be a list of 1 to " + MAX_TASKS + " task objects");
    }
    TaskRequestReader reader = new TaskRequestReader();
    List<TaskRequest> requests = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String prefix = "tasks[" + i + "].";
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidInputException(
            "tasks[" + i + "]", "tasks[" + i + "] must be a task object");
      }
      TaskRequest request = reader.read(array.getJsonObject(i), prefix);
      checks.check(request, prefix);
      requests.add(request);
    }
    try {
      List<TaskReceipt> receipts = tier1.submitAll(requests);
      return Response.status(Response.Status.CREATED)
          .entity(Map.of("count", receipts.size(), "tasks", receipts))
          .build();
    } catch (NoPoolAcceptedException e) {
      LOG.log(Level.WARNING, e.getMessage());
      return ErrorMappers.answer(503, e.getMessage(), null)
          .header("Retry-After", TaskResource.RETRY_AFTER_SECONDS)
          .build();
    }
  }
}
