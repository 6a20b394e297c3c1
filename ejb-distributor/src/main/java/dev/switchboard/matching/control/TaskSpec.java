package dev.switchboard.matching.control;

import dev.switchboard.api.ClientProfileView;
import dev.switchboard.api.UserProfileView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A task as the matcher needs it: what it runs, what it needs, its compiled expressions, and the
 * stored profiles of its user and client, each also in the form expressions read.
 */
public final class TaskSpec {

  final long id;
  final String application;
  final int slots;
  final double minPower;
  final CompiledExpression requirements;
  final CompiledExpression rank;
  final UserProfileView user;
  final ClientProfileView client;
  final Map<String, Object> taskVariables;
  final Map<String, Object> userVariables;
  final Map<String, Object> clientVariables;

  public TaskSpec(
      long id,
      String application,
      int slots,
      double minPower,
      CompiledExpression requirements,
      CompiledExpression rank,
      Map<String, Object> attributes,
      UserProfileView user,
      ClientProfileView client) {
    this.id = id;
    this.application = application;
    this.slots = Math.max(1, slots);
    this.minPower = minPower;
    this.requirements = requirements;
    this.rank = rank;
    this.user = user;
    this.client = client;
    this.taskVariables =
        Map.of(
            "id",
            (double) id,
            "application",
            application,
            "slots",
            (double) this.slots,
            "minPower",
            minPower,
            "attributes",
            Map.copyOf(attributes));
    this.userVariables =
        Map.of(
            "id", user.user(),
            "priority", (double) user.priority(),
            "maxConcurrent", (double) user.maxConcurrent(),
            "preferredZones", List.copyOf(user.preferredZones()),
            "attributes", user.attributes());
    Map<String, Object> c = new HashMap<>();
    c.put("id", client.client());
    c.put("zone", client.zone() == null ? "" : client.zone());
    c.put("trustClass", client.trustClass() == null ? "" : client.trustClass());
    c.put("attributes", client.attributes());
    this.clientVariables = Map.copyOf(c);
  }

  /** The variables of one evaluation against a server. */
  Map<String, Object> scope(ServerEntry server) {
    return Map.of(
        "server",
        server.variables(),
        "task",
        taskVariables,
        "user",
        userVariables,
        "client",
        clientVariables);
  }

  /** The value at a path such as task.attributes.minCores; a marker if there is none. */
  Object valueAt(List<String> path) {
    Object current =
        switch (path.get(0)) {
          case "task" -> taskVariables;
          case "user" -> userVariables;
          default -> clientVariables;
        };
    for (int i = 1; i < path.size(); i++) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(path.get(i))) {
        return ABSENT;
      }
      current = map.get(path.get(i));
    }
    return current;
  }

  private CompiledExpression.CacheKey requirementsKey;
  private CompiledExpression.CacheKey rankKey;

  /** The cache key of one of this task's expressions, computed once per task. */
  CompiledExpression.CacheKey cacheKey(CompiledExpression expression) {
    if (expression == requirements) {
      if (requirementsKey == null) {
        requirementsKey = expression.cacheKey(this);
      }
      return requirementsKey;
    }
    if (rankKey == null) {
      rankKey = expression.cacheKey(this);
    }
    return rankKey;
  }

  /** What {@link #valueAt} gives for a path that leads nowhere. */
  static final Object ABSENT = new Object();

  public long id() {
    return id;
  }

  public String application() {
    return application;
  }

  public int slots() {
    return slots;
  }

  public UserProfileView user() {
    return user;
  }
}
