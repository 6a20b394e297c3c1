package dev.switchboard.console.rest;

import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.NoPoolAcceptedException;
import dev.switchboard.api.Roles;
import dev.switchboard.api.TaskControl;
import dev.switchboard.api.TaskFilter;
import dev.switchboard.api.TaskPage;
import dev.switchboard.api.TaskQueries;
import dev.switchboard.api.TaskQuery;
import dev.switchboard.api.TaskReceipt;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.api.TaskTiming;
import dev.switchboard.api.TaskView;
import dev.switchboard.api.UnknownNameException;
import dev.switchboard.console.tier1.Tier1;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tasks: submit one (expressions type-checked first) ({@code POST /api/tasks}), read one with its
 * route and history ({@code GET /api/tasks/{id}}) and list them, filtered, sorted and paged ({@code
 * GET /api/tasks}).
 */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
public class TaskResource {

  static final int RETRY_AFTER_SECONDS = 5;

  /** The deepest offset: paging further by offset would make the database skip that many rows. */
  static final int MAX_OFFSET = 10_000;

  /** The response header with the number of tasks a list request matches. */
  static final String TOTAL_COUNT = "X-Total-Count";

  private static final Logger LOG = Logger.getLogger(TaskResource.class.getName());

  @Inject Tier1 tier1;

  @EJB TaskQueries tasks;

  @Inject TaskChecks checks;

  @EJB TaskControl control;

  @Context UriInfo uri;

  /**
   * Submits a task: 201 with its location and {@code {"id":..., "state":"SUBMITTED"}}; 400 naming
   * the field at fault; 503 with Retry-After when no tier-1 pool accepts it.
   */
  @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(String body) {
    TaskRequest request = new TaskRequestReader().read(body);
    checks.check(request, "");
    return submitted(request);
  }

  /**
   * Submits the request of an earlier task again, as a new task: {@code POST
   * /api/tasks/{id}/resubmit}; 201 with the new task's location, as for a submission; 404 if there
   * is no such task.
   */
  @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
  @POST
  @Path("{id}/resubmit")
  public Response resubmit(@PathParam("id") String id) {
    return submitted(tasks.requestOf(parseId(id)).orElseThrow(() -> notFound(id)));
  }

  private Response submitted(TaskRequest request) {
    try {
      TaskReceipt receipt = tier1.submit(request);
      return Response.created(
              uri.getBaseUriBuilder().path("tasks").path(Long.toString(receipt.id())).build())
          .entity(receipt)
          .build();
    } catch (NoPoolAcceptedException e) {
      LOG.log(Level.WARNING, e.getMessage());
      return ErrorMappers.answer(503, e.getMessage(), null)
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .build();
    }
  }

  /**
   * Cancels a task that has not ended: {@code DELETE /api/tasks/{id}} (or {@code POST
   * /api/tasks/{id}/cancel}); 409 if it has ended.
   */
  @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
  @DELETE
  @Path("{id}")
  public TaskView cancel(@PathParam("id") String id) {
    return control.cancel(parseId(id));
  }

  @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
  @POST
  @Path("{id}/cancel")
  public TaskView cancelByPost(@PathParam("id") String id) {
    return cancel(id);
  }

  @GET
  @Path("{id}")
  public TaskView find(@PathParam("id") String id) {
    return tasks.find(parseId(id)).orElseThrow(() -> notFound(id));
  }

  /**
   * Why the task's server was chosen, or why no server fits: {@code GET /api/tasks/{id}/explain}.
   */
  @GET
  @Path("{id}/explain")
  public String explain(@PathParam("id") String id) {
    return tasks.explain(parseId(id)).orElseThrow(() -> notFound(id));
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw notFound(id);
    }
  }

  /**
   * {@code GET /api/tasks/timings?from=100&to=5099}: per task {@code [id, state, submitted,
   * allocated, running, ended]} in epoch milliseconds (0: not reached), for load reports.
   */
  @GET
  @Path("timings")
  public String timings(@QueryParam("from") String from, @QueryParam("to") String to) {
    long first = number(from, "from");
    long last = number(to, "to");
    List<TaskTiming> timings = tasks.timings(first, last);
    StringBuilder json = new StringBuilder(timings.size() * 48 + 2).append('[');
    for (TaskTiming t : timings) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('[')
          .append(t.id())
          .append(",\"")
          .append(t.state())
          .append("\",")
          .append(t.submitted())
          .append(',')
          .append(t.allocated())
          .append(',')
          .append(t.running())
          .append(',')
          .append(t.ended())
          .append(']');
    }
    return json.append(']').toString();
  }

  private static long number(String text, String field) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, field + " must be a task id (a whole number)");
    }
  }

  /**
   * {@code GET /api/tasks?state=PENDING&user=alice&sort=-submittedAt&limit=50&cursor=...}: a JSON
   * array of the page's tasks (without histories), newest first unless sorted otherwise; the number
   * of matches in {@code X-Total-Count} and links to the next, previous and first page in {@code
   * Link} (RFC 8288). 400 naming the parameter at fault.
   */
  @GET
  public Response list(
      @QueryParam("state") String state,
      @QueryParam("user") String user,
      @QueryParam("application") String application,
      @QueryParam("server") String server,
      @QueryParam("distributor") String distributor,
      @QueryParam("submittedFrom") String submittedFrom,
      @QueryParam("submittedBefore") String submittedBefore,
      @QueryParam("text") String text,
      @QueryParam("sort") String sort,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("cursor") String cursor) {
    TaskFilter filter =
        new TaskFilter(
            state, user, application, server, distributor, submittedFrom, submittedBefore, text);
    TaskPage page =
        tasks.search(
            new TaskQuery(
                filter,
                sort,
                whole(offset, "offset", 0, MAX_OFFSET, 0),
                cursor,
                whole(limit, "limit", 1, TaskQuery.MAX_LIMIT, TaskQuery.DEFAULT_LIMIT)));
    return Response.ok(new GenericEntity<List<TaskView>>(page.tasks()) {})
        .header(TOTAL_COUNT, page.total())
        .links(new TaskLinks(uri).of(page))
        .build();
  }

  private static int whole(String text, String field, int min, int max, int absent) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, as for a number out of range
    }
    throw new InvalidInputException(
        field, field + " must be a whole number between " + min + " and " + max);
  }

  private static UnknownNameException notFound(String id) {
    return new UnknownNameException("id", "no task with id '" + id + "'");
  }
}
