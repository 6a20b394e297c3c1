package dev.switchboard.console.view;

import dev.switchboard.api.TaskFilter;
import dev.switchboard.api.TaskPage;
import dev.switchboard.api.TaskQueries;
import dev.switchboard.api.TaskView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task list: filters and the page number come from the URL (a search can be bookmarked), the
 * database filters, counts and pages, newest first.
 */
@Named
@RequestScoped
public class TaskList {

  static final int PAGE_SIZE = 25;

  @EJB TaskQueries tasks;

  private String state;
  private String user;
  private String application;
  private String server;
  private String from;
  private String to;
  private int page = 1;

  private TaskPage result;

  /** Runs the search before the page renders, so that a bad filter's message shows at the top. */
  public void load() {
    getResult();
  }

  public TaskPage getResult() {
    if (result == null) {
      TaskPage found =
          Messages.attempt(
              "Search",
              () ->
                  tasks.search(
                      new TaskFilter(state, user, application, server, from, to),
                      (Math.max(1, page) - 1) * PAGE_SIZE,
                      PAGE_SIZE));
      result = found == null ? new TaskPage(List.of(), 0) : found;
    }
    return result;
  }

  public long getPages() {
    return Math.max(1, (getResult().total() + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  public boolean isFirst() {
    return page <= 1;
  }

  public boolean isLast() {
    return page >= getPages();
  }

  /** The query string of another page of this search. */
  public String link(int otherPage) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("state", state);
    parameters.put("user", user);
    parameters.put("application", application);
    parameters.put("server", server);
    parameters.put("from", from);
    parameters.put("to", to);
    StringBuilder query = new StringBuilder("tasks.xhtml?page=").append(otherPage);
    parameters.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            query
                .append('&')
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return query.toString();
  }

  public List<String> getStates() {
    return List.of(
        "SUBMITTED",
        "FORWARDED",
        "PENDING",
        "ALLOCATED",
        "RUNNING",
        "COMPLETED",
        "FAILED",
        "CANCELLED");
  }

  public String clock(TaskView task) {
    return Ages.clock(task.submittedAt());
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
    this.result = null;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
    this.result = null;
  }

  public String getApplication() {
    return application;
  }

  public void setApplication(String application) {
    this.application = application;
    this.result = null;
  }

  public String getServer() {
    return server;
  }

  public void setServer(String server) {
    this.server = server;
    this.result = null;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
    this.result = null;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
    this.result = null;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
    this.result = null;
  }
}
