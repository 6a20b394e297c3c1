package dev.switchboard.fulfillment.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code sleep}: holds a slot for the given number of milliseconds (0 to 60000) and returns {@code
 * slept N ms}. Used to show capacity limits and pending tasks.
 */
@ApplicationScoped
public class SleepApplication implements TaskApplication {

  static final long MAX_MILLIS = 60_000;

  @Override
  public String name() {
    return "sleep";
  }

  @Override
  public String inputs() {
    return "milliseconds, 0 to " + MAX_MILLIS;
  }

  @Override
  public String run(String input) {
    long millis = Inputs.wholeNumber(name(), input, 0, (int) MAX_MILLIS);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted after less than " + millis + " ms", e);
    }
    return "slept " + millis + " ms";
  }
}
