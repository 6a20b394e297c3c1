package dev.switchboard.fulfillment.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code matrix}: multiplies two random n x n matrices (n from 1 to 600) drawn from a seed, and
 * returns the trace and the sum of the product, so that a result can be checked by recomputing.
 * Input: {@code n} or {@code n,seed} (seed 42 by default).
 */
@ApplicationScoped
public class MatrixApplication implements TaskApplication {

  static final int MAX_N = 600;

  @Override
  public String name() {
    return "matrix";
  }

  @Override
  public String inputs() {
    return "n or n,seed with n from 1 to " + MAX_N;
  }

  @Override
  public String run(String input) {
    String[] parts = input.trim().split("\\s*,\\s*");
    int n = Inputs.wholeNumber(name(), parts[0], 1, MAX_N);
    long seed = parts.length > 1 ? Inputs.wholeNumber(name(), parts[1], 0, Integer.MAX_VALUE) : 42;
    SplittableRandom random = new SplittableRandom(seed);
    double[][] a = random(n, random);
    double[][] b = random(n, random);
    double trace = 0;
    double sum = 0;
    double[] row = new double[n];
    for (int i = 0; i < n; i++) {
      Arrays.fill(row, 0);
      for (int k = 0; k < n; k++) {
        double aik = a[i][k];
        double[] bk = b[k];
        for (int j = 0; j < n; j++) {
          row[j] += aik * bk[j];
        }
      }
      trace += row[i];
      for (double v : row) {
        sum += v;
      }
    }
    return String.format(Locale.ROOT, "n=%d seed=%d trace=%.6f sum=%.6f", n, seed, trace, sum);
  }

  private static double[][] random(int n, SplittableRandom random) {
    double[][] m = new double[n][n];
    for (double[] row : m) {
      for (int j = 0; j < n; j++) {
        row[j] = random.nextDouble();
      }
    }
    return m;
  }
}
