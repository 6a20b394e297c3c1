package dev.switchboard.console.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times read on the console: "12 s ago", "08:01:02.345". */
public final class Ages {

  static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private Ages() {}

  public static String ago(Instant at) {
    if (at == null) {
      return "never";
    }
    long seconds = Duration.between(at, Instant.now()).toSeconds();
    if (seconds < 0) {
      return "just now";
    }
    if (seconds < 120) {
      return seconds + " s ago";
    }
    if (seconds < 7200) {
      return seconds / 60 + " min ago";
    }
    return seconds / 3600 + " h ago";
  }

  public static String ago(String iso) {
    return iso == null ? "never" : ago(Instant.parse(iso));
  }

  public static String clock(String iso) {
    return iso == null ? "" : CLOCK.format(Instant.parse(iso)) + " UTC";
  }
}
