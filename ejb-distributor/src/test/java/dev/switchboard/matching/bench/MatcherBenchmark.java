package dev.switchboard.matching.bench;

import dev.switchboard.matching.control.Expressions;
import dev.switchboard.matching.control.MatchEngine;
import dev.switchboard.matching.control.MatchEngine.Decision;
import dev.switchboard.matching.control.MatchPolicy;
import dev.switchboard.matching.control.ServerTable;
import dev.switchboard.matching.control.TaskSpec;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching decisions per second on one thread, as the index makes them: 1,000 to 100,000 servers
 * with 20 attributes each, tasks with a CEL requirement and a CEL rank, the default sample of 100
 * feasible servers. A chosen slot is taken and given back at once, so the fleet stays the same.
 * {@code requirement=server} reads only server attributes (cached per server); {@code task} also
 * reads the task and is evaluated for every server looked at.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
@Threads(1)
public class MatcherBenchmark {

  @Param({"1000", "10000", "100000"})
  int servers;

  @Param({"server", "task"})
  String requirement;

  private ServerTable table;
  private MatchEngine engine;
  private TaskSpec[] tasks;
  private Instant now;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    now = Instant.parse("2026-11-26T12:00:00Z");
    table = ServerFleet.servers(servers, now, 42);
    engine = new MatchEngine(MatchPolicy.defaults());
    Expressions expressions = new Expressions();
    tasks = new TaskSpec[16];
    for (int i = 0; i < tasks.length; i++) {
      String text =
          requirement.equals("server")
              ? ServerFleet.SERVER_REQUIREMENT
              : ServerFleet.TASK_REQUIREMENT;
      tasks[i] =
          ServerFleet.task(
              expressions, i, text, ServerFleet.ZONES[i % ServerFleet.ZONES.length], 8 << (i % 3));
    }
  }

  @Benchmark
  public Decision decide() {
    TaskSpec task = tasks[next++ & 15];
    Decision decision = engine.decide(task, table, 0, now);
    if (decision.server() != null) {
      engine.reserve(decision.server(), 1);
      decision.server().addLoad(-1);
    }
    return decision;
  }
}
