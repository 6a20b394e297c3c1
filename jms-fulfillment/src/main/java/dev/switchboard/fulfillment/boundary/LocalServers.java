package dev.switchboard.fulfillment.boundary;

import dev.switchboard.api.ServerRefresh;
import dev.switchboard.api.ServerRegistration;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.api.ServerUpdates;
import dev.switchboard.fulfillment.control.LocalLoad;
import dev.switchboard.fulfillment.control.Measurements;
import dev.switchboard.fulfillment.control.TaskApplication;
import dev.switchboard.fulfillment.control.UpdatePolicy;
import dev.switchboard.fulfillment.control.UpdatePolicy.Figures;
import dev.switchboard.messaging.control.RegistrationSending;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The fulfillment servers of this node (the embedded default has three, with different capacity,
 * share of the machine and zone). At start it measures the node's computing power with a short
 * benchmark and registers them; then it measures their idle computing power every second and sends
 * attribute updates to their tier-2 distributor over the registration queue when the {@link
 * UpdatePolicy} says so: every {@link #UPDATE_PROPERTY} seconds, when idle power moves by more than
 * 20 %, when a task starts or ends, and on an operator's refresh. Registrations and status reports
 * name this node ({@link #NODE_PROPERTY}); tier 2 takes a server's reports only from the node it
 * registered from.
 */
@Singleton
@Startup
@LocalBean
@Lock(LockType.READ)
public class LocalServers implements ServerRefresh {

  /** A server of this node: name, tier-2 distributor, slots, share of the node, zone, extras. */
  record Local(
      String name, String tier2, int slots, double share, String zone, Map<String, Object> extra) {}

  static final List<Local> DEFAULTS =
      List.of(
          new Local("local-1", "tier2-a", 4, 0.5, "zone-a", Map.of("disk", "ssd")),
          new Local("local-2", "tier2-a", 2, 0.3, "zone-b", Map.of("disk", "hdd")),
          new Local("local-3", "tier2-b", 8, 0.75, "zone-c", Map.of("gpu", "none")));

  private static final Logger LOG = Logger.getLogger(LocalServers.class.getName());

  @Inject @Any Instance<TaskApplication> applications;

  @Resource TimerService timers;

  @Inject RegistrationSending registrations;

  /** Setting: this node's servers, {@code name:tier2:slots:share:zone} separated by ';'. */
  static final String SERVERS_PROPERTY = "switchboard.node.servers";

  /**
   * Setting: how many simulated servers this node adds ({@code sim-0001} ...), for load tests; they
   * register, report and run tasks like the others.
   */
  static final String SIMULATED_PROPERTY = "switchboard.node.simulated";

  /**
   * Setting: this node's name, as its registrations and status reports give it. By default {@code
   * main@<host>} on the main server and {@code worker@<host>} on a worker node: stable across
   * restarts, so that reports sent before a restart are still taken after it.
   */
  static final String NODE_PROPERTY = "switchboard.node.name";

  /**
   * Setting: seconds between a server's periodic updates (at least 1); the same name tier 2's
   * liveness check reads, so that both sides count the same interval.
   */
  static final String UPDATE_PROPERTY = "switchboard.server.updateSeconds";

  @Inject
  @ConfigProperty(name = SERVERS_PROPERTY)
  Optional<String> serversSpec;

  @Inject
  @ConfigProperty(name = SIMULATED_PROPERTY, defaultValue = "0")
  int simulated;

  @Inject
  @ConfigProperty(name = NODE_PROPERTY)
  Optional<String> nodeSetting;

  @Inject
  @ConfigProperty(name = UPDATE_PROPERTY, defaultValue = "5")
  long updateSeconds;

  private final LocalLoad load = new LocalLoad();
  private String node;
  private List<Local> servers = DEFAULTS;
  private final Map<String, Figures> lastSent = new HashMap<>();
  private UpdatePolicy policy;
  private Set<String> installed;
  private double nodePower;

  @PostConstruct
  void register() {
    installed = new TreeSet<>();
    applications.forEach(a -> installed.add(a.name()));
    nodePower = Measurements.computingPower(200);
    long seconds = Math.max(1, updateSeconds);
    policy = new UpdatePolicy(Duration.ofSeconds(seconds), 0.2);
    servers = configured(serversSpec.orElse(""), simulated);
    Instant now = Instant.now();
    ServerRegistry registry = registry();
    node = nodeName(nodeSetting.orElse(""), registry != null);
    List<ServerRegistration> initial = new ArrayList<>();
    for (Local local : servers) {
      ServerRegistration r = registration(local, now);
      initial.add(r);
      lastSent.put(local.name(), new Figures(r.idlePower(), 0, now));
    }
    if (registry != null) {
      // in the main server: registered before any request
      initial.forEach(r -> registerAtStart(registry, r));
    } else {
      send(initial); // a worker node: over the broker, like every later update
    }
    timers.createIntervalTimer(1_000, 1_000, new TimerConfig("local-server-updates", false));
    LOG.info(
        () ->
            "Local fulfillment servers registered; node power "
                + nodePower
                + ", applications "
                + installed);
  }

  /**
   * Registers a server at start. After a crash, redelivered messages are already being matched
   * while this runs, and an allocation may change the server's row under it (measured: an
   * optimistic-lock failure here kept the whole application from starting). So it tries again, and
   * in the end leaves the server to its first periodic update instead of failing the start.
   */
  private void registerAtStart(ServerRegistry registry, ServerRegistration registration) {
    for (int attempt = 1; ; attempt++) {
      try {
        registry.register(registration);
        return;
      } catch (RuntimeException e) {
        if (attempt == START_ATTEMPTS) {
          LOG.log(
              Level.WARNING,
              "Server {0} not registered at start ({1}); its periodic update will register it",
              new Object[] {registration.name(), e.toString()});
          send(List.of(registration));
          return;
        }
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  static final int START_ATTEMPTS = 5;

  /** This node's name, as its registrations and status reports give it. */
  public String node() {
    return node;
  }

  /** The configured node name (blank: none), else the node's role and its host's name. */
  static String nodeName(String configured, boolean main) {
    if (!configured.isBlank()) {
      return configured.trim();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String name = (main ? "main@" : "worker@") + host;
    return name.length() <= ServerRegistration.MAX_NODE
        ? name
        : name.substring(0, ServerRegistration.MAX_NODE);
  }

  /** The load counters the dispatch consumer keeps for this node's servers. */
  public LocalLoad load() {
    return load;
  }

  @Override
  public boolean refresh(String server) {
    boolean ours = servers.stream().anyMatch(l -> l.name().equals(server));
    if (ours) {
      load.trigger(server);
    }
    return ours;
  }

  @Timeout
  @Lock(LockType.WRITE)
  void measure() {
    Instant now = Instant.now();
    double idleShare = Measurements.idleShare();
    List<ServerRegistration> due = new ArrayList<>();
    for (Local local : servers) {
      int running = load.running(local.name());
      double power = nodePower * local.share();
      Figures figures =
          new Figures(
              Measurements.idlePower(power, idleShare, local.slots(), running), running, now);
      String why = policy.due(lastSent.get(local.name()), figures, load.takeTrigger(local.name()));
      if (why != null) {
        due.add(registration(local, power, figures.idlePower(), now));
        lastSent.put(local.name(), figures);
      }
    }
    if (!due.isEmpty()) {
      send(due);
    }
  }

  private void send(List<ServerRegistration> due) {
    try {
      registrations.send(new ServerUpdates(due));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Attribute update not sent: {0}", e.toString());
    }
  }

  /**
   * The servers of this node: those {@code spec} names ({@link #SERVERS_PROPERTY}; blank: the
   * embedded default's), then {@code simulated} simulated ones.
   */
  static List<Local> configured(String spec, int simulated) {
    List<Local> configured = new ArrayList<>(named(spec));
    configured.addAll(SimulatedServers.generate(simulated));
    return List.copyOf(configured);
  }

  private static List<Local> named(String spec) {
    if (spec.isBlank()) {
      return DEFAULTS;
    }
    List<Local> parsed = new ArrayList<>();
    for (String entry : spec.split(";")) {
      String[] f = entry.trim().split(":");
      if (f.length != 5) {
        throw new IllegalArgumentException(
            SERVERS_PROPERTY + ": '" + entry + "' is not name:tier2:slots:share:zone");
      }
      parsed.add(
          new Local(f[0], f[1], Integer.parseInt(f[2]), Double.parseDouble(f[3]), f[4], Map.of()));
    }
    return List.copyOf(parsed);
  }

  /** The registry of the main server, when this node is it; null on a worker node. */
  private static ServerRegistry registry() {
    try {
      return (ServerRegistry)
          new InitialContext()
              .lookup(
                  "java:global/switchboard/ejb-distributor/Registrations!"
                      + ServerRegistry.class.getName());
    } catch (NamingException e) {
      return null;
    }
  }

  private ServerRegistration registration(Local local, Instant now) {
    double power = nodePower * local.share();
    return registration(
        local,
        power,
        Measurements.idlePower(power, Measurements.idleShare(), local.slots(), 0),
        now);
  }

  private ServerRegistration registration(
      Local local, double power, double idlePower, Instant now) {
    return new ServerRegistration(
        local.name(),
        local.tier2(),
        local.slots(),
        installed,
        Math.round(power * 10) / 10.0,
        idlePower,
        local.zone(),
        local.extra(),
        now,
        node);
  }
}
