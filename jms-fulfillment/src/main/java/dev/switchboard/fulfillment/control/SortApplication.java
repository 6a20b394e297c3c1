package dev.switchboard.fulfillment.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code sort}: sorts numbers given separated by commas or white space, at most 1,000,000. */
@ApplicationScoped
public class SortApplication implements TaskApplication {

  static final int MAX_NUMBERS = 1_000_000;

  @Override
  public String name() {
    return "sort";
  }

  @Override
  public String inputs() {
    return "numbers separated by commas or spaces, at most " + MAX_NUMBERS;
  }

  @Override
  public String run(String input) {
    String[] parts = input.trim().isEmpty() ? new String[0] : input.trim().split("[,\\s]+");
    if (parts.length > MAX_NUMBERS) {
      throw new IllegalArgumentException("sort takes at most " + MAX_NUMBERS + " numbers");
    }
    double[] numbers = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        numbers[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'" + parts[i] + "' (item " + (i + 1) + ") is not a number");
      }
      if (!Double.isFinite(numbers[i])) {
        throw new IllegalArgumentException("item " + (i + 1) + " is not a finite number");
      }
    }
    Arrays.sort(numbers);
    return Arrays.stream(numbers)
        .mapToObj(SortApplication::format)
        .collect(Collectors.joining(","));
  }

  private static String format(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
