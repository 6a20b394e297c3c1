package dev.switchboard.console.view;

import dev.switchboard.api.DistributorAdmin;
import dev.switchboard.api.DistributorView;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerView;
import dev.switchboard.api.TaskQueries;
import dev.switchboard.api.TaskView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** Backs the console's first page: recent tasks, fulfillment servers and distributors. */
@Named
@RequestScoped
public class Overview {

  static final int RECENT_TASKS = 25;

  @EJB TaskQueries tasks;

  @EJB ServerRegistry servers;

  @EJB DistributorAdmin distributors;

  private List<TaskView> recentTasks;

  private List<ServerView> serverList;

  public List<TaskView> getRecentTasks() {
    if (recentTasks == null) {
      recentTasks = tasks.recent(RECENT_TASKS);
    }
    return recentTasks;
  }

  public List<ServerView> getServers() {
    if (serverList == null) {
      serverList = servers.servers();
    }
    return serverList;
  }

  public List<DistributorView> getDistributors() {
    return distributors.distributors();
  }
}
