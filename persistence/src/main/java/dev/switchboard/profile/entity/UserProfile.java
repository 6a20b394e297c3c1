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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Switchboard knows about a user: priority (higher is matched first when tasks wait), a limit
 * on concurrently running tasks (0 is none), preferred zones in order, the weights of the terms of
 * the default score, and custom attributes (values stored as JSON literals).
 */
@Entity
@Table(name = "SB_USER_PROFILE")
@NamedQuery(name = UserProfile.ALL, query = "SELECT u FROM UserProfile u ORDER BY u.userId")
public class UserProfile {

  public static final String ALL = "UserProfile.all";

  @Id
  @Column(length = 128)
  private String userId;

  @Version private long version;

  private int priority;

  private int maxConcurrent;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "SB_USER_ZONE", joinColumns = @JoinColumn(name = "USER_ID"))
  @OrderColumn(name = "RANKING")
  @Column(name = "ZONE", length = 64)
  private List<String> preferredZones = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "SB_USER_WEIGHT", joinColumns = @JoinColumn(name = "USER_ID"))
  @MapKeyColumn(name = "TERM", length = 32)
  @Column(name = "WEIGHT")
  private Map<String, Double> weights = new TreeMap<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "SB_USER_ATTR", joinColumns = @JoinColumn(name = "USER_ID"))
  @MapKeyColumn(name = "ATTR_KEY", length = 64)
  @Column(name = "ATTR_VALUE", length = 1024)
  private Map<String, String> attributes = new TreeMap<>();

  protected UserProfile() {}

  public UserProfile(String userId) {
    this.userId = userId;
  }

  /** Replaces everything but the id with the given values. */
  public void update(
      int priority,
      int maxConcurrent,
      List<String> preferredZones,
      Map<String, Double> weights,
      Map<String, String> attributes) {
    this.priority = priority;
    this.maxConcurrent = maxConcurrent;
    this.preferredZones.clear();
    this.preferredZones.addAll(preferredZones);
    this.weights.clear();
    this.weights.putAll(weights);
    this.attributes.clear();
    this.attributes.putAll(attributes);
  }

  public String getUserId() {
    return userId;
  }

  public int getPriority() {
    return priority;
  }

  public int getMaxConcurrent() {
    return maxConcurrent;
  }

  public List<String> getPreferredZones() {
    return List.copyOf(preferredZones);
  }

  public Map<String, Double> getWeights() {
    return Map.copyOf(weights);
  }

  public Map<String, String> getAttributes() {
    return Map.copyOf(attributes);
  }
}
