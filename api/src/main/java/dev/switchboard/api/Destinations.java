package dev.switchboard.api;

/**
 * Every JNDI and JMS name Switchboard uses, and the broker's physical name of each destination. The
 * JMS destinations and the data source are server resources that the domain's asadmin commands
 * create ({@code scripts/domain/resources.asadmin}, {@code destinations.asadmin}); a worker node
 * defines the same destinations over the resource adapter ({@code WorkerResources}). {@code
 * DestinationsAgreeTest} checks that every copy spells these names.
 */
public final class Destinations {

  /** The application name in {@code java:global/<app>/...}. */
  public static final String APP = "switchboard";

  /** The EJB module holding the tier-1 pools. */
  public static final String DISTRIBUTOR_MODULE = "ejb-distributor";

  /** Queue of the first tier-2 matching distributor. */
  public static final String TIER2_A = "jms/switchboard/tier2-a";

  /** Queue of the second tier-2 matching distributor. */
  public static final String TIER2_B = "jms/switchboard/tier2-b";

  /**
   * Queue the tier-2 distributors send allocated tasks to; the {@link #SERVER} property selects.
   */
  public static final String DISPATCH = "jms/switchboard/dispatch";

  /** Queue on which fulfillment servers report task status back to tier 2. */
  public static final String STATUS = "jms/switchboard/status";

  /** Queue on which fulfillment servers register and send their attribute updates. */
  public static final String REGISTRATION = "jms/switchboard/registration";

  /** Topic on which tier-2 distributors broadcast their attributes to every tier-1 server. */
  public static final String TIER2_STATUS = "jms/switchboard/tier2-status";

  /**
   * Switchboard's dead-letter queue: consumers park here, with the reason, messages they cannot
   * process (unreadable at once; failing ones after {@link #MAX_DELIVERIES} deliveries).
   */
  public static final String DEAD_LETTERS = "jms/switchboard/dead-letters";

  /** The broker's physical names of the destinations above, in the same order. */
  public static final String TIER2_A_PHYSICAL = "SwitchboardTier2A";

  public static final String TIER2_B_PHYSICAL = "SwitchboardTier2B";
  public static final String DISPATCH_PHYSICAL = "SwitchboardDispatch";
  public static final String STATUS_PHYSICAL = "SwitchboardStatus";
  public static final String REGISTRATION_PHYSICAL = "SwitchboardRegistration";
  public static final String TIER2_STATUS_PHYSICAL = "SwitchboardTier2Status";
  public static final String DEAD_LETTERS_PHYSICAL = "SwitchboardDeadLetters";

  /** A JMS destination as the server defines it: JNDI name, physical name, queue or topic. */
  public record Destination(String jndiName, String physicalName, boolean topic) {}

  /** Every JMS destination, as the domain's commands create them. */
  public static final java.util.List<Destination> ALL =
      java.util.List.of(
          new Destination(TIER2_A, TIER2_A_PHYSICAL, false),
          new Destination(TIER2_B, TIER2_B_PHYSICAL, false),
          new Destination(DISPATCH, DISPATCH_PHYSICAL, false),
          new Destination(STATUS, STATUS_PHYSICAL, false),
          new Destination(REGISTRATION, REGISTRATION_PHYSICAL, false),
          new Destination(TIER2_STATUS, TIER2_STATUS_PHYSICAL, true),
          new Destination(DEAD_LETTERS, DEAD_LETTERS_PHYSICAL, false));

  /** Deliveries of a message that fails before its consumer parks it as a dead letter. */
  public static final int MAX_DELIVERIES = 4;

  /**
   * How often OpenMQ's resource adapter retries a failed delivery in place, and how many
   * milliseconds apart, before it gives the message up to the broker's own dead-message queue,
   * where nothing records it. Set on every consumer so that Switchboard's own dead-lettering (see
   * {@code DeadLetters}) always comes first: the adapter's default gave up after two deliveries.
   */
  public static final String REDELIVERY_ATTEMPTS = "120";

  public static final String REDELIVERY_INTERVAL_MS = "1000";

  /** Dead-letter properties: where the message was, and why it was parked. */
  public static final String DEAD_SOURCE = "sbDeadSource";

  public static final String DEAD_REASON = "sbDeadReason";

  /** The connection factory every component sends with. */
  public static final String CONNECTION_FACTORY = "java:comp/DefaultJMSConnectionFactory";

  /** The data source of the persistence unit. */
  public static final String DATA_SOURCE = "jdbc/switchboard";

  /**
   * Message property naming the fulfillment server of a dispatch message's first task; a node
   * selects its messages by it.
   */
  public static final String SERVER = "server";

  /**
   * Name prefix of the servers that worker nodes (Payara Micro) run; the main server's fulfillment
   * bean takes every other dispatch message. The selectors in {@code DispatchConsumer} and the
   * worker's ejb-jar.xml spell the same prefix.
   */
  public static final String WORKER_SERVERS = "worker-";

  /** Message property counting the tasks a message carries. */
  public static final String BATCH_SIZE = "batchSize";

  /** Setting (MicroProfile Config): comma-separated tier-1 pool names in search order. */
  public static final String POOLS_PROPERTY = "switchboard.tier1.pools";

  /** The tier-1 pools searched when {@link #POOLS_PROPERTY} is not set. */
  public static final String DEFAULT_POOLS = "FrontPool1,FrontPool2";

  private Destinations() {}

  /** The portable JNDI name of a tier-1 pool's local view. */
  public static String poolJndiName(String pool) {
    return global(pool, FrontDistributor.class);
  }

  /** The portable JNDI name of a tier-1 pool's remote view. */
  public static String remotePoolJndiName(String pool) {
    return global(pool, RemoteFrontDistributor.class);
  }

  /** The portable JNDI name of the remote task look-up. */
  public static final String TASK_LOOKUP =
      "java:global/"
          + APP
          + "/"
          + DISTRIBUTOR_MODULE
          + "/TaskHistory!dev.switchboard.api.TaskLookup";

  private static String global(String bean, Class<?> view) {
    return "java:global/" + APP + "/" + DISTRIBUTOR_MODULE + "/" + bean + "!" + view.getName();
  }
}
