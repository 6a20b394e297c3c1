package dev.switchboard.fulfillment.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.BitSet;

/** {@code primes}: counts the primes below N (2 to 50,000,000) with a sieve of Eratosthenes. */
@ApplicationScoped
public class PrimesApplication implements TaskApplication {

  static final int MAX = 50_000_000;

  @Override
  public String name() {
    return "primes";
  }

  @Override
  public String inputs() {
    return "N, a whole number from 2 to " + MAX;
  }

  @Override
  public String run(String input) {
    int n = Inputs.wholeNumber(name(), input, 2, MAX);
    BitSet composite = new BitSet(n);
    int count = 0;
    for (int i = 2; i < n; i++) {
      if (!composite.get(i)) {
        count++;
        for (long j = (long) i * i; j < n; j += i) {
          composite.set((int) j);
        }
      }
      if ((i & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted at " + i);
      }
    }
    return Integer.toString(count);
  }
}
