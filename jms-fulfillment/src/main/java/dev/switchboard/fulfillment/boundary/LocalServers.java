package dev.switchboard.fulfillment.boundary;

import dev.switchboard.api.ServerRegistration;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.fulfillment.control.TaskApplication;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Registers the fulfillment servers of the embedded default at start: three servers in this process
 * with different capacity, power and zone, all running the applications installed here. Their
 * {@link DispatchConsumer} executes what is allocated to them.
 */
@Singleton
@Startup
public class LocalServers {

  private static final Logger LOG = Logger.getLogger(LocalServers.class.getName());

  @EJB ServerRegistry registry;

  @Inject @Any Instance<TaskApplication> applications;

  @PostConstruct
  void register() {
    Set<String> installed = new TreeSet<>();
    applications.forEach(a -> installed.add(a.name()));
    for (ServerRegistration r : defaults(installed)) {
      registry.register(r);
    }
    LOG.info(() -> "Local fulfillment servers registered with applications " + installed);
  }

  static List<ServerRegistration> defaults(Set<String> installed) {
    return List.of(
        new ServerRegistration(
            "local-1", "tier2-a", 4, installed, 100, 90, "zone-a", Map.of("disk", "ssd")),
        new ServerRegistration(
            "local-2", "tier2-a", 2, installed, 60, 55, "zone-b", Map.of("disk", "hdd")),
        new ServerRegistration(
            "local-3", "tier2-b", 8, installed, 150, 120, "zone-c", Map.of("gpu", "none")));
  }
}
