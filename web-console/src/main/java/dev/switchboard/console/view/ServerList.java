package dev.switchboard.console.view;

import dev.switchboard.api.ServerRefresh;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerView;
import dev.switchboard.console.security.Caller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fulfillment servers with their attributes and how old they are, load and slots; operators drain,
 * disable and enable them and ask a server of this node to report its attributes now.
 */
@Named
@RequestScoped
public class ServerList {

  static final Map<String, String> ACTIONS =
      Map.of("enable", "UP", "drain", "DRAINING", "disable", "DISABLED");

  @EJB ServerRegistry registry;

  @EJB ServerRefresh refresh;

  @Inject Caller caller;

  private List<ServerView> servers;

  private String name;

  public List<ServerView> getServers() {
    if (servers == null) {
      servers = registry.servers();
    }
    return servers;
  }

  /** The server named by the page's {@code name} parameter. */
  public Optional<ServerView> getSelected() {
    return getServers().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public void change(String server, String action) {
    String state = ACTIONS.get(action);
    ServerView changed =
        Messages.attempt(
            "Changing " + server,
            () -> {
              caller.requireOperator();
              return registry.changeState(server, state);
            });
    if (changed != null) {
      Messages.info(server + " is " + changed.state() + ".");
      servers = null;
    }
  }

  public void refreshNow(String server) {
    Boolean asked =
        Messages.attempt(
            "Refreshing " + server,
            () -> {
              caller.requireOperator();
              return refresh.refresh(server);
            });
    if (Boolean.TRUE.equals(asked)) {
      Messages.info(server + " was asked to report its attributes now.");
    } else if (asked != null) {
      Messages.error(
          null, server + " is not a fulfillment server of this node: it reports itself.");
    }
  }

  public String age(ServerView server) {
    return Ages.ago(server.lastHeardAt());
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
