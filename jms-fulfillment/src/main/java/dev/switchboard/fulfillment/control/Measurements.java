package dev.switchboard.fulfillment.control;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Measures what a fulfillment server advertises: its computing power, by a short calibrated
 * benchmark at start (SHA-256 digests of 1 KiB per millisecond, per core), and its idle computing
 * power now, from the operating system's CPU load.
 */
public final class Measurements {

  private static final byte[] BLOCK = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);

  private Measurements() {}

  /** Digests per millisecond of one thread over about {@code millis} ms, times the cores. */
  public static double computingPower(long millis) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    long count = 0;
    long start = System.nanoTime();
    long end = start + millis * 1_000_000L;
    long now;
    do {
      for (int i = 0; i < 64; i++) {
        digest.update(BLOCK);
        digest.digest();
      }
      count += 64;
      now = System.nanoTime();
    } while (now < end);
    double perMilli = count / ((now - start) / 1e6);
    return round(perMilli * Runtime.getRuntime().availableProcessors());
  }

  /** The share of the machine's CPU that is idle now, 0 to 1; 1 if the OS does not say. */
  public static double idleShare() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      double load = sun.getCpuLoad();
      if (load >= 0 && load <= 1) {
        return 1 - load;
      }
    }
    return 1;
  }

  /**
   * Idle computing power: the server's power times the idle share of the CPU, times its share of
   * free slots.
   */
  public static double idlePower(double power, double idleShare, int slots, int load) {
    double freeShare = slots <= 0 ? 0 : Math.max(0, slots - load) / (double) slots;
    return round(power * Math.max(0, Math.min(1, idleShare)) * freeShare);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
