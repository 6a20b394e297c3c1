package dev.switchboard.matching.control;

import dev.switchboard.server.entity.ServerState;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One server in the matcher's index: its stable attributes, its live load, when it was last picked
 * (for fairness among equals) and the cached results of expressions that read only its stable
 * attributes. A new snapshot gives a new entry, and so a fresh cache, sharing the load.
 */
public final class ServerEntry {

  /** The names a server has in expressions, as {@code server.<name>}. */
  static final List<String> VARIABLES =
      List.of(
          "name",
          "tier2",
          "state",
          "slots",
          "load",
          "freeSlots",
          "applications",
          "power",
          "idlePower",
          "idlePowerAge",
          "zone",
          "attributes");

  /** Distinct cached results per server; past this the cache starts again. */
  static final int CACHE_LIMIT = 64;

  /** The age of a figure never measured: older than any limit. */
  static final Duration NEVER_MEASURED = Duration.ofDays(365_000);

  private final ServerSnapshot snapshot;
  private final AtomicInteger load;
  private volatile long lastPicked;
  private final long idlePowerMeasuredMillis;
  private volatile Map<Object, Object> cache;
  private final Map<String, Object> variables = new Variables();

  public ServerEntry(ServerSnapshot snapshot, int load) {
    this(snapshot, new AtomicInteger(load), 0);
  }

  private ServerEntry(ServerSnapshot snapshot, AtomicInteger load, long lastPicked) {
    this.snapshot = snapshot;
    this.load = load;
    this.lastPicked = lastPicked;
    Instant measured = snapshot.idlePowerMeasuredAt();
    this.idlePowerMeasuredMillis = measured == null ? Long.MIN_VALUE : measured.toEpochMilli();
  }

  /** When idle power was measured, in epoch milliseconds; the smallest long if never. */
  public long idlePowerMeasuredMillis() {
    return idlePowerMeasuredMillis;
  }

  /** The same server with new attributes; load and fairness history carry over. */
  public ServerEntry withSnapshot(ServerSnapshot fresh) {
    return new ServerEntry(fresh, load, lastPicked);
  }

  public ServerSnapshot snapshot() {
    return snapshot;
  }

  public String name() {
    return snapshot.name();
  }

  public int load() {
    return load.get();
  }

  public int freeSlots() {
    return Math.max(0, snapshot.slots() - load.get());
  }

  /**
   * Takes slots if the server still has them free, in one atomic step: decisions run side by side,
   * and another may have taken them since this one looked.
   *
   * @return whether the slots were taken
   */
  boolean tryTake(int slots) {
    while (true) {
      int current = load.get();
      if (snapshot.slots() - current < slots) {
        return false;
      }
      if (load.compareAndSet(current, current + slots)) {
        return true;
      }
    }
  }

  /** Changes the load; atomic, so it needs no lock of the caller's. */
  public void addLoad(int delta) {
    load.updateAndGet(current -> Math.max(0, current + delta));
  }

  public long lastPicked() {
    return lastPicked;
  }

  void picked(long sequence) {
    lastPicked = sequence;
  }

  public boolean isUp() {
    return snapshot.state() == ServerState.UP;
  }

  /** How old the idle power figure is at {@code now}; very long if it was never measured. */
  public Duration idlePowerAge(Instant now) {
    Instant at = snapshot.idlePowerMeasuredAt();
    return at == null ? NEVER_MEASURED : Duration.between(at, now);
  }

  /** The server as the expression variable {@code server}, load read live. */
  public Map<String, Object> variables() {
    return variables;
  }

  /**
   * The cached value of an expression whose result depends only on this server's stable attributes
   * and on what the key holds, computing it on the first call.
   *
   * @param key the expression with the values it reads from outside the server
   * @return the value, or the {@link CompiledExpression.ExpressionFailure} it gave; a budget run
   *     out is thrown, never cached
   */
  Object cached(Object key, CompiledExpression expression, TaskSpec task, EvaluationBudget budget) {
    Map<Object, Object> results = cache;
    if (results == null) {
      results = new ConcurrentHashMap<>(4);
      cache = results;
    }
    Object value = results.get(key);
    if (value == null) {
      try {
        value = expression.eval(task.scope(this), budget);
      } catch (CompiledExpression.ExpressionFailure e) {
        value = e;
      }
      if (results.size() >= CACHE_LIMIT) {
        results.clear();
      }
      results.put(key, value);
    }
    return value;
  }

  /** Lazily computed, so that no map is built per server or per evaluation. */
  private final class Variables extends AbstractMap<String, Object> {
    @Override
    public Object get(Object key) {
      if (!(key instanceof String name)) {
        return null;
      }
      return switch (name) {
        case "name" -> snapshot.name();
        case "tier2" -> snapshot.tier2();
        case "state" -> snapshot.state().name();
        case "slots" -> (double) snapshot.slots();
        case "load" -> (double) load.get();
        case "freeSlots" -> (double) freeSlots();
        case "applications" -> List.copyOf(snapshot.applications());
        case "power" -> snapshot.computingPower();
        case "idlePower" -> snapshot.idlePower();
        case "idlePowerAge" -> idlePowerAge(Instant.now());
        case "zone" -> snapshot.zone();
        case "attributes" -> snapshot.attributes();
        default -> null;
      };
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && VARIABLES.contains(name);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      Map<String, Object> all = new LinkedHashMap<>();
      VARIABLES.forEach(v -> all.put(v, get(v)));
      return all.entrySet();
    }
  }
}
