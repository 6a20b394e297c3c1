package dev.switchboard.matching.bench;

import dev.switchboard.matching.control.ServerTable;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;

/**
 * Measures the heap the matcher's index takes per server: retained heap after a full GC with and
 * without an index of N servers of 20 attributes each. Run with {@code -Pbench}.
 */
public final class IndexFootprint {

  private IndexFootprint() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = settledHeap(memory);
    ServerTable table = ServerFleet.servers(count, Instant.now(), 42);
    long after = settledHeap(memory);
    System.out.printf(
        "index of %d servers: %.1f MB, %d bytes per server%n",
        table.size(), (after - before) / 1e6, (after - before) / count);
  }

  private static long settledHeap(MemoryMXBean memory) {
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
