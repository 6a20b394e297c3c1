package dev.switchboard.fulfillment.control;

/** Checks of application inputs, with messages that name the application and the bounds. */
final class Inputs {

  private Inputs() {}

  static int wholeNumber(String application, String input, int min, int max) {
    long value;
    try {
      value = Long.parseLong(input.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          application
              + " needs a whole number from "
              + min
              + " to "
              + max
              + ", got '"
              + input
              + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          application + " takes " + min + " to " + max + ", got " + value);
    }
    return (int) value;
  }
}
