package dev.switchboard.server.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A server that runs tasks, with the attributes the matcher compares against a task: load capacity
 * (slots) and current load, installed applications, computing power, idle computing power with the
 * time it was measured, zone and custom attributes. It is registered with one tier-2 distributor,
 * from one fulfillment node: the node its status reports must come from.
 */
@Entity
@Table(name = "SB_SERVER")
@NamedQuery(
    name = FulfillmentServer.ALL,
    query = "SELECT s FROM FulfillmentServer s ORDER BY s.name")
@NamedQuery(
    name = FulfillmentServer.BY_NAME,
    query = "SELECT s FROM FulfillmentServer s WHERE s.name = :name")
@NamedQuery(
    name = FulfillmentServer.BY_NAMES,
    query = "SELECT s FROM FulfillmentServer s WHERE s.name IN :names")
@NamedQuery(
    name = FulfillmentServer.KNOWN_APPLICATIONS,
    query = "SELECT DISTINCT a FROM FulfillmentServer s JOIN s.applications a")
public class FulfillmentServer {

  public static final String ALL = "FulfillmentServer.all";
  public static final String BY_NAME = "FulfillmentServer.byName";
  public static final String BY_NAMES = "FulfillmentServer.byNames";
  public static final String KNOWN_APPLICATIONS = "FulfillmentServer.knownApplications";

  @Id
  @SequenceGenerator(name = "SB_SERVER_SEQ", sequenceName = "SB_SERVER_SEQ", allocationSize = 10)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "SB_SERVER_SEQ")
  private Long id;

  @Version private long version;

  @Column(nullable = false, unique = true, length = 128)
  private String name;

  @Column(nullable = false, length = 64)
  private String tier2Distributor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ServerState state = ServerState.UP;

  private int slots;

  private int currentLoad;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "SB_SERVER_APP", joinColumns = @JoinColumn(name = "SERVER_ID"))
  @Column(name = "APPLICATION", length = 64)
  private Set<String> applications = new TreeSet<>();

  private double computingPower;

  private double idlePower;

  private Instant idlePowerMeasuredAt;

  @Column(length = 64)
  private String zone;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "SB_SERVER_ATTR", joinColumns = @JoinColumn(name = "SERVER_ID"))
  @MapKeyColumn(name = "ATTR_KEY", length = 64)
  @Column(name = "ATTR_VALUE", length = 512)
  private Map<String, String> attributes = new TreeMap<>();

  private Instant lastHeardAt;

  @Column(length = 128)
  private String node;

  protected FulfillmentServer() {}

  public FulfillmentServer(String name, String tier2Distributor, int slots, Set<String> apps) {
    this.name = name;
    this.tier2Distributor = tier2Distributor;
    this.slots = slots;
    this.applications = new TreeSet<>(apps);
  }

  /** Takes new capacity figures and applications from a re-registration. */
  public void reconfigure(String tier2Distributor, int slots, Set<String> apps) {
    this.tier2Distributor = tier2Distributor;
    this.slots = slots;
    if (!this.applications.equals(apps)) { // a periodic update usually changes nothing here
      this.applications.clear();
      this.applications.addAll(apps);
    }
  }

  /** Replaces the custom attributes (values as JSON literals). */
  public void replaceAttributes(Map<String, String> attributes) {
    if (!this.attributes.equals(attributes)) { // rewriting equal rows costs a delete and inserts
      this.attributes.clear();
      this.attributes.putAll(attributes);
    }
  }

  /** Records a measurement of the server's idle computing power. */
  public void measured(double computingPower, double idlePower, Instant at) {
    this.computingPower = computingPower;
    this.idlePower = idlePower;
    this.idlePowerMeasuredAt = at;
    this.lastHeardAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getTier2Distributor() {
    return tier2Distributor;
  }

  public ServerState getState() {
    return state;
  }

  public void setState(ServerState state) {
    this.state = state;
  }

  public int getSlots() {
    return slots;
  }

  public int getCurrentLoad() {
    return currentLoad;
  }

  public Set<String> getApplications() {
    return Collections.unmodifiableSet(applications);
  }

  public double getComputingPower() {
    return computingPower;
  }

  public double getIdlePower() {
    return idlePower;
  }

  public Instant getIdlePowerMeasuredAt() {
    return idlePowerMeasuredAt;
  }

  public String getZone() {
    return zone;
  }

  public void setZone(String zone) {
    this.zone = zone;
  }

  public Map<String, String> getAttributes() {
    return Collections.unmodifiableMap(attributes);
  }

  public void putAttribute(String key, String value) {
    attributes.put(key, value);
  }

  public Instant getLastHeardAt() {
    return lastHeardAt;
  }

  /** The node it last registered from, or null if no registration named one. */
  public String getNode() {
    return node;
  }

  public void setNode(String node) {
    this.node = node;
  }
}
