package dev.switchboard.profile.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Switchboard knows about a client that submits tasks: where it is (zone), how far it is
 * trusted (trust class) and custom attributes (values stored as JSON literals).
 */
@Entity
@Table(name = "SB_CLIENT_PROFILE")
@NamedQuery(name = ClientProfile.ALL, query = "SELECT c FROM ClientProfile c ORDER BY c.clientId")
public class ClientProfile {

  public static final String ALL = "ClientProfile.all";

  @Id
  @Column(length = 128)
  private String clientId;

  @Version private long version;

  @Column(length = 64)
  private String zone;

  @Column(length = 64)
  private String trustClass;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "SB_CLIENT_ATTR", joinColumns = @JoinColumn(name = "CLIENT_ID"))
  @MapKeyColumn(name = "ATTR_KEY", length = 64)
  @Column(name = "ATTR_VALUE", length = 1024)
  private Map<String, String> attributes = new TreeMap<>();

  protected ClientProfile() {}

  public ClientProfile(String clientId) {
    this.clientId = clientId;
  }

  /** Replaces everything but the id with the given values. */
  public void update(String zone, String trustClass, Map<String, String> attributes) {
    this.zone = zone;
    this.trustClass = trustClass;
    this.attributes.clear();
    this.attributes.putAll(attributes);
  }

  public String getClientId() {
    return clientId;
  }

  public String getZone() {
    return zone;
  }

  public String getTrustClass() {
    return trustClass;
  }

  public Map<String, String> getAttributes() {
    return Map.copyOf(attributes);
  }
}
