package dev.switchboard.api;

import java.io.Serializable;
import java.util.Map;

/**
 * A client's stored profile.
 *
 * @param client the client id
 * @param zone where the client is; servers in the same zone score a locality bonus
 * @param trustClass how far the client is trusted, for requirements such as {@code
 *     client.trustClass == 'internal'}
 * @param attributes custom typed attributes, visible to expressions as {@code client.attributes}
 */
public record ClientProfileView(
    String client, String zone, String trustClass, Map<String, Object> attributes)
    implements Serializable {

  public ClientProfileView {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** The profile of a client nobody described. */
  public static ClientProfileView anonymous(String client) {
    return new ClientProfileView(client, null, null, Map.of());
  }
}
