package dev.switchboard.api;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A user's stored profile.
 *
 * @param user the user id
 * @param priority higher is matched first when tasks wait
 * @param maxConcurrent most tasks allocated or running at once; 0 for no limit
 * @param preferredZones zones in order of preference
 * @param weights weights of the default score's terms: {@code zone}, {@code idle}, {@code load},
 *     {@code locality}, {@code rank}
 * @param attributes custom typed attributes, visible to expressions as {@code user.attributes}
 */
public record UserProfileView(
    String user,
    int priority,
    int maxConcurrent,
    List<String> preferredZones,
    Map<String, Double> weights,
    Map<String, Object> attributes)
    implements Serializable {

  /** The terms a weight may be given for. */
  public static final List<String> TERMS = List.of("zone", "idle", "load", "locality", "rank");

  public UserProfileView {
    preferredZones = preferredZones == null ? List.of() : List.copyOf(preferredZones);
    weights = weights == null ? Map.of() : Map.copyOf(weights);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** The profile of a user nobody described: priority 0, no limit, no preferences. */
  public static UserProfileView anonymous(String user) {
    return new UserProfileView(user, 0, 0, List.of(), Map.of(), Map.of());
  }
}
