package dev.switchboard.task.control;

import dev.switchboard.api.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of a task search starts: just after (or just before) one task, in one sort order.
 * Clients get it as opaque text and hand it back; it holds the task's sort key and id, so that the
 * next page is a range read from the index instead of skipping rows.
 *
 * @param sort the sort it was made for, e.g. {@code -id}
 * @param after true for the rows after the task, false for those before it
 * @param key the task's value of the sort key, as text (empty when sorting by id)
 * @param id the task's id
 */
public record TaskCursor(String sort, boolean after, String key, long id) {

  /** Longer text cannot be a cursor this class made. */
  static final int MAX_TEXT = 256;

  static final String VERSION = "c1";

  static final String NOT_A_CURSOR =
      "cursor: not a cursor this API gave out (take it from a Link header); start again without it";

  /** The opaque text clients see. */
  public String encode() {
    String plain = String.join("\n", VERSION, sort, after ? "after" : "before", key, "" + id);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws InvalidInputException naming {@code cursor} if the text is not one of these, or was
   *     made for another sort
   */
  public static TaskCursor decode(String text, String sort) {
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException("cursor", NOT_A_CURSOR);
    }
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8)
              .split("\n", -1);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("cursor", NOT_A_CURSOR);
    }
    if (parts.length != 5
        || !parts[0].equals(VERSION)
        || !(parts[2].equals("after") || parts[2].equals("before"))) {
      throw new InvalidInputException("cursor", NOT_A_CURSOR);
    }
    if (!parts[1].equals(sort)) {
      throw new InvalidInputException(
          "cursor",
          "cursor: made for sort '" + parts[1] + "', not '" + sort + "'; start again without it");
    }
    try {
      return new TaskCursor(parts[1], parts[2].equals("after"), parts[3], Long.parseLong(parts[4]));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("cursor", NOT_A_CURSOR);
    }
  }
}
