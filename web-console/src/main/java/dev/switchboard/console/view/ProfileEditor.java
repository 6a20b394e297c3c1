package dev.switchboard.console.view;

import dev.switchboard.api.Attributes;
import dev.switchboard.api.ClientProfileView;
import dev.switchboard.api.Profiles;
import dev.switchboard.api.UserProfileView;
import dev.switchboard.console.security.Caller;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Users' and clients' stored attributes and preferences: listed for everyone, edited by admins.
 * Attributes are written {@code name=value} per line, the value a JSON literal ({@code 64}, {@code
 * true}, {@code "a100"}, {@code ["x","y"]}) or plain text.
 */
@Named
@ViewScoped
public class ProfileEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB Profiles profiles;

  @Inject Caller caller;

  private String user;
  private int priority;
  private int maxConcurrent;
  private String zones;
  private String weights;
  private String userAttributes;

  private String client;
  private String clientZone;
  private String trustClass;
  private String clientAttributes;

  public List<UserProfileView> getUsers() {
    return profiles.users();
  }

  public List<ClientProfileView> getClients() {
    return profiles.clients();
  }

  public void editUser(UserProfileView profile) {
    user = profile.user();
    priority = profile.priority();
    maxConcurrent = profile.maxConcurrent();
    zones = String.join(", ", profile.preferredZones());
    weights = lines(profile.weights());
    userAttributes = lines(profile.attributes());
  }

  public void newUser() {
    user = "";
    priority = 0;
    maxConcurrent = 0;
    zones = "";
    weights = "";
    userAttributes = "";
  }

  public void saveUser() {
    UserProfileView saved =
        Messages.attempt(
            "Saving user " + user,
            () -> {
              caller.requireAdmin();
              return profiles.putUser(
                  new UserProfileView(
                      user == null ? "" : user.trim(),
                      priority,
                      maxConcurrent,
                      list(zones),
                      weights(weights),
                      typed(userAttributes)));
            });
    if (saved != null) {
      Messages.info("User " + saved.user() + " saved.");
      user = null;
    }
  }

  public void editClient(ClientProfileView profile) {
    client = profile.client();
    clientZone = profile.zone();
    trustClass = profile.trustClass();
    clientAttributes = lines(profile.attributes());
  }

  public void newClient() {
    client = "";
    clientZone = "";
    trustClass = "";
    clientAttributes = "";
  }

  public void saveClient() {
    ClientProfileView saved =
        Messages.attempt(
            "Saving client " + client,
            () -> {
              caller.requireAdmin();
              return profiles.putClient(
                  new ClientProfileView(
                      client == null ? "" : client.trim(),
                      blankToNull(clientZone),
                      blankToNull(trustClass),
                      typed(clientAttributes)));
            });
    if (saved != null) {
      Messages.info("Client " + saved.client() + " saved.");
      client = null;
    }
  }

  public void cancel() {
    user = null;
    client = null;
  }

  public String show(Map<String, ?> values) {
    return joined(values, ", ");
  }

  static String lines(Map<String, ?> values) {
    return joined(values, "\n");
  }

  private static String joined(Map<String, ?> values, String separator) {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + Attributes.encode(e.getValue()))
        .collect(Collectors.joining(separator));
  }

  static List<String> list(String text) {
    return text == null || text.isBlank()
        ? List.of()
        : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static Map<String, Object> typed(String text) {
    Map<String, Object> values = new LinkedHashMap<>();
    NameValueLines.parse("attributes", text)
        .forEach((name, value) -> values.put(name, Attributes.decode(value)));
    return values;
  }

  static Map<String, Double> weights(String text) {
    Map<String, Double> values = new LinkedHashMap<>();
    NameValueLines.parse("weights", text)
        .forEach(
            (name, value) -> {
              try {
                values.put(name, Double.parseDouble(value));
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                    "weight '" + name + "' must be a number, not '" + value + "'");
              }
            });
    return values;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  public boolean isEditingUser() {
    return user != null;
  }

  public boolean isEditingClient() {
    return client != null;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public int getPriority() {
    return priority;
  }

  public void setPriority(int priority) {
    this.priority = priority;
  }

  public int getMaxConcurrent() {
    return maxConcurrent;
  }

  public void setMaxConcurrent(int maxConcurrent) {
    this.maxConcurrent = maxConcurrent;
  }

  public String getZones() {
    return zones;
  }

  public void setZones(String zones) {
    this.zones = zones;
  }

  public String getWeights() {
    return weights;
  }

  public void setWeights(String weights) {
    this.weights = weights;
  }

  public String getUserAttributes() {
    return userAttributes;
  }

  public void setUserAttributes(String userAttributes) {
    this.userAttributes = userAttributes;
  }

  public String getClient() {
    return client;
  }

  public void setClient(String client) {
    this.client = client;
  }

  public String getClientZone() {
    return clientZone;
  }

  public void setClientZone(String clientZone) {
    this.clientZone = clientZone;
  }

  public String getTrustClass() {
    return trustClass;
  }

  public void setTrustClass(String trustClass) {
    this.trustClass = trustClass;
  }

  public String getClientAttributes() {
    return clientAttributes;
  }

  public void setClientAttributes(String clientAttributes) {
    this.clientAttributes = clientAttributes;
  }
}
