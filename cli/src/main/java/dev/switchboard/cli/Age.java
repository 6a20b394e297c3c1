package dev.switchboard.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** How long ago something happened, as squeue writes times: M:SS, H:MM:SS, D-HH:MM:SS. */
final class Age {

  private Age() {}

  /** The age of an ISO-8601 instant at {@code now}; null for no or an unreadable instant. */
  static String since(String instant, Instant now) {
    if (instant == null) {
      return null;
    }
    try {
      return of(Duration.between(Instant.parse(instant), now));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String of(Duration age) {
    long seconds = Math.max(0, age.getSeconds());
    long days = seconds / 86_400;
    long hours = seconds / 3_600 % 24;
    long minutes = seconds / 60 % 60;
    long rest = seconds % 60;
    if (days > 0) {
      return String.format("%d-%02d:%02d:%02d", days, hours, minutes, rest);
    }
    if (hours > 0) {
      return String.format("%d:%02d:%02d", hours, minutes, rest);
    }
    return String.format("%d:%02d", minutes, rest);
  }
}
