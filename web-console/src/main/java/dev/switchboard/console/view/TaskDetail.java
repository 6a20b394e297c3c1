package dev.switchboard.console.view;

import static dev.switchboard.api.JsonProviders.JSON;

import dev.switchboard.api.NoPoolAcceptedException;
import dev.switchboard.api.TaskControl;
import dev.switchboard.api.TaskEventView;
import dev.switchboard.api.TaskQueries;
import dev.switchboard.api.TaskReceipt;
import dev.switchboard.api.TaskRequest;
import dev.switchboard.api.TaskView;
import dev.switchboard.console.security.Caller;
import dev.switchboard.console.tier1.Tier1;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One task: its route (pool, skipped pools and why, tier-2 distributor, server), the match
 * explanation, the history with timings, the result or error; operators cancel and resubmit.
 */
@Named
@RequestScoped
public class TaskDetail {

  /** One step of the history with the time since submission and since the step before. */
  public record Step(TaskEventView event, String at, long sinceSubmitMs, long sincePreviousMs) {}

  @EJB TaskQueries tasks;

  @EJB TaskControl control;

  @Inject Tier1 tier1;

  @Inject Caller caller;

  private long id;

  private Optional<TaskView> task;

  public Optional<TaskView> getTask() {
    if (task == null) {
      task = tasks.find(id);
    }
    return task;
  }

  public List<Step> getSteps() {
    List<Step> steps = new ArrayList<>();
    TaskView view = getTask().orElse(null);
    if (view == null) {
      return steps;
    }
    Instant submitted = Instant.parse(view.submittedAt());
    Instant previous = submitted;
    for (TaskEventView event : view.events()) {
      Instant at = Instant.parse(event.at());
      steps.add(
          new Step(
              event,
              Ages.clock(event.at()),
              Duration.between(submitted, at).toMillis(),
              Duration.between(previous, at).toMillis()));
      previous = at;
    }
    return steps;
  }

  public boolean isEnded() {
    return getTask()
        .map(t -> List.of("COMPLETED", "FAILED", "CANCELLED").contains(t.state()))
        .orElse(true);
  }

  /** The match explanation, indented. */
  public String getExplanation() {
    return tasks.explain(id).map(TaskDetail::pretty).orElse("");
  }

  public void cancel() {
    TaskView cancelled =
        Messages.attempt(
            "Cancelling task " + id,
            () -> {
              caller.requireOperator();
              return control.cancel(id);
            });
    if (cancelled != null) {
      Messages.info("Task " + id + " is " + cancelled.state() + ".");
      task = null;
    }
  }

  /** Submits the same request again as a new task, and shows it. */
  public void resubmit() throws IOException {
    TaskReceipt receipt =
        Messages.attempt(
            "Resubmitting task " + id,
            () -> {
              caller.requireOperator();
              TaskRequest request =
                  tasks
                      .requestOf(id)
                      .orElseThrow(() -> new IllegalArgumentException("no task " + id));
              try {
                return tier1.submit(request);
              } catch (NoPoolAcceptedException e) {
                throw new IllegalStateException(
                    "no tier-1 pool accepted it: " + String.join("; ", e.attempts()));
              }
            });
    if (receipt != null) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().getFlash().setKeepMessages(true);
      Messages.info("Task " + id + " resubmitted as task " + receipt.id() + ".");
      faces
          .getExternalContext()
          .redirect(
              faces.getExternalContext().getRequestContextPath()
                  + "/task.xhtml?id="
                  + receipt.id());
    }
  }

  static String pretty(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      JsonStructure structure = reader.read();
      StringWriter out = new StringWriter();
      try (JsonWriter writer =
          JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
        writer.write(structure);
      }
      return out.toString().trim();
    } catch (RuntimeException e) {
      return json;
    }
  }

  public long getId() {
    return id;
  }

  /** On an Ajax postback the view parameter arrives after the page was first asked for data. */
  public void setId(long id) {
    this.id = id;
    this.task = null;
  }
}
