package dev.switchboard.profile.boundary;

import dev.switchboard.api.Attributes;
import dev.switchboard.api.ClientProfileView;
import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.Profiles;
import dev.switchboard.api.UserProfileView;
import dev.switchboard.profile.entity.ClientProfile;
import dev.switchboard.profile.entity.UserProfile;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The stored profiles of users and clients. Rows in the database, kept in memory as well because
 * the matcher applies them to every decision; every change goes to both.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@LocalBean
@Lock(LockType.READ)
public class ProfileStore implements Profiles {

  static final String ZONE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
  static final int MAX_ZONES = 16;

  private static final Logger LOG = Logger.getLogger(ProfileStore.class.getName());

  @PersistenceContext EntityManager em;

  private final Map<String, UserProfileView> users = new ConcurrentHashMap<>();
  private final Map<String, ClientProfileView> clients = new ConcurrentHashMap<>();

  @PostConstruct
  void load() {
    em.createNamedQuery(UserProfile.ALL, UserProfile.class)
        .getResultList()
        .forEach(u -> users.put(u.getUserId(), view(u)));
    em.createNamedQuery(ClientProfile.ALL, ClientProfile.class)
        .getResultList()
        .forEach(c -> clients.put(c.getClientId(), view(c)));
    LOG.info(() -> "Profiles loaded: " + users.size() + " users, " + clients.size() + " clients");
  }

  /** The user's profile, or the anonymous one: no profile is not an error. */
  public UserProfileView userOrDefault(String id) {
    return users.getOrDefault(id, UserProfileView.anonymous(id));
  }

  /** The client's profile, or the anonymous one. */
  public ClientProfileView clientOrDefault(String id) {
    return clients.getOrDefault(id, ClientProfileView.anonymous(id));
  }

  @Override
  public List<UserProfileView> users() {
    return new TreeMap<>(users).values().stream().toList();
  }

  @Override
  public Optional<UserProfileView> user(String id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  @Lock(LockType.WRITE)
  public UserProfileView putUser(UserProfileView p) {
    checkId("user", p.user());
    if (p.priority() < -1000 || p.priority() > 1000) {
      throw new InvalidInputException("priority", "priority must be between -1000 and 1000");
    }
    if (p.maxConcurrent() < 0 || p.maxConcurrent() > 100_000) {
      throw new InvalidInputException(
          "maxConcurrent", "maxConcurrent must be between 0 (no limit) and 100000");
    }
    checkZones(p.preferredZones());
    p.weights()
        .forEach(
            (term, weight) -> {
              if (!UserProfileView.TERMS.contains(term)) {
                throw new InvalidInputException(
                    "weights", "unknown weight '" + term + "'; terms are " + UserProfileView.TERMS);
              }
              if (weight == null || !Double.isFinite(weight) || Math.abs(weight) > 1e6) {
                throw new InvalidInputException(
                    "weights", "weight " + term + " must be a number between -1e6 and 1e6");
              }
            });
    Map<String, Object> attributes = checkAttributes(p.attributes());
    UserProfile entity = em.find(UserProfile.class, p.user());
    if (entity == null) {
      entity = new UserProfile(p.user());
      em.persist(entity);
    }
    entity.update(
        p.priority(),
        p.maxConcurrent(),
        p.preferredZones(),
        p.weights(),
        Attributes.encodeAll(attributes));
    em.flush();
    UserProfileView stored = view(entity);
    users.put(stored.user(), stored);
    return stored;
  }

  @Override
  @Lock(LockType.WRITE)
  public boolean deleteUser(String id) {
    UserProfile entity = em.find(UserProfile.class, id);
    users.remove(id);
    if (entity == null) {
      return false;
    }
    em.remove(entity);
    return true;
  }

  @Override
  public List<ClientProfileView> clients() {
    return new TreeMap<>(clients).values().stream().toList();
  }

  @Override
  public Optional<ClientProfileView> client(String id) {
    return Optional.ofNullable(clients.get(id));
  }

  @Override
  @Lock(LockType.WRITE)
  public ClientProfileView putClient(ClientProfileView p) {
    checkId("client", p.client());
    if (p.zone() != null && !p.zone().matches(ZONE_PATTERN)) {
      throw new InvalidInputException("zone", "zone '" + p.zone() + "' is not a valid zone name");
    }
    if (p.trustClass() != null && !p.trustClass().matches(ZONE_PATTERN)) {
      throw new InvalidInputException(
          "trustClass", "trustClass '" + p.trustClass() + "' is not a valid class name");
    }
    Map<String, Object> attributes = checkAttributes(p.attributes());
    ClientProfile entity = em.find(ClientProfile.class, p.client());
    if (entity == null) {
      entity = new ClientProfile(p.client());
      em.persist(entity);
    }
    entity.update(p.zone(), p.trustClass(), Attributes.encodeAll(attributes));
    em.flush();
    ClientProfileView stored = view(entity);
    clients.put(stored.client(), stored);
    return stored;
  }

  @Override
  @Lock(LockType.WRITE)
  public boolean deleteClient(String id) {
    ClientProfile entity = em.find(ClientProfile.class, id);
    clients.remove(id);
    if (entity == null) {
      return false;
    }
    em.remove(entity);
    return true;
  }

  private static void checkId(String what, String id) {
    if (id == null || !id.matches("^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$")) {
      throw new InvalidInputException("id", what + " id '" + id + "' is not valid");
    }
  }

  /** The attributes, checked by the API's rules; a broken one names the field. */
  private static Map<String, Object> checkAttributes(Map<String, Object> attributes) {
    try {
      return Attributes.check(attributes);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("attributes", e.getMessage());
    }
  }

  private static void checkZones(List<String> zones) {
    if (zones.size() > MAX_ZONES) {
      throw new InvalidInputException(
          "preferredZones", "at most " + MAX_ZONES + " preferred zones");
    }
    List<String> seen = new ArrayList<>();
    for (String zone : zones) {
      if (zone == null || !zone.matches(ZONE_PATTERN)) {
        throw new InvalidInputException(
            "preferredZones", "preferred zone '" + zone + "' is not a valid zone name");
      }
      if (seen.contains(zone)) {
        throw new InvalidInputException(
            "preferredZones", "preferred zone '" + zone + "' is listed twice");
      }
      seen.add(zone);
    }
  }

  private static UserProfileView view(UserProfile u) {
    return new UserProfileView(
        u.getUserId(),
        u.getPriority(),
        u.getMaxConcurrent(),
        u.getPreferredZones(),
        u.getWeights(),
        Attributes.decodeAll(u.getAttributes()));
  }

  private static ClientProfileView view(ClientProfile c) {
    return new ClientProfileView(
        c.getClientId(), c.getZone(), c.getTrustClass(), Attributes.decodeAll(c.getAttributes()));
  }
}
