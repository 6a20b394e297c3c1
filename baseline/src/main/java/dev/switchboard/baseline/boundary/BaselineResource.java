package dev.switchboard.baseline.boundary;

import dev.switchboard.baseline.control.BaselineReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The baseline's REST API, driven by {@code scripts/baseline}, which generates the load itself:
 *
 * <ul>
 *   <li>{@code POST api/tasks?count=N} submits N tasks (1 to {@value #MAX_COUNT}) in one
 *       transaction and answers N; anything else is a 400 with a plain-text reason;
 *   <li>{@code DELETE api/tasks} deletes all tasks (between runs) and answers how many;
 *   <li>{@code GET api/report} answers the figures of {@link BaselineReport#compute()} as JSON.
 * </ul>
 */
@Path("/")
@RequestScoped
public class BaselineResource {

  static final int MAX_COUNT = 1000;

  static final String BAD_COUNT = "count must be a whole number from 1 to " + MAX_COUNT;

  @Inject BaselineFeeder feeder;

  @Inject BaselineReport report;

  @POST
  @Path("tasks")
  @Produces(MediaType.TEXT_PLAIN)
  public Response submit(@QueryParam("count") String count) {
    int n;
    try {
      n = Integer.parseInt(count == null ? "" : count.strip());
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1 || n > MAX_COUNT) {
      return Response.status(Response.Status.BAD_REQUEST)
          .type(MediaType.TEXT_PLAIN_TYPE)
          .entity(BAD_COUNT + ", was " + count)
          .build();
    }
    return Response.ok(Integer.toString(feeder.submit(n))).build();
  }

  @DELETE
  @Path("tasks")
  @Produces(MediaType.TEXT_PLAIN)
  public String clear() {
    return Integer.toString(feeder.clear());
  }

  @GET
  @Path("report")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject report() {
    return report.compute();
  }
}
