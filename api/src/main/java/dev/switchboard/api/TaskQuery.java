package dev.switchboard.api;

/**
 * One page of a task search: what matches, in which order, and where the page starts.
 *
 * @param filter what to match
 * @param sort a key of {@code id}, {@code submittedAt} or {@code state}, with a leading {@code -}
 *     for descending; null or blank for the default, newest first ({@code -id})
 * @param offset how many matches to skip (0 with a cursor)
 * @param cursor where the page starts, as a previous page's {@link TaskPage#next} or {@link
 *     TaskPage#previous} gave it; null for the first page
 * @param limit the page's size, 1 to {@link #MAX_LIMIT}
 */
public record TaskQuery(TaskFilter filter, String sort, int offset, String cursor, int limit) {

  /** The largest page. */
  public static final int MAX_LIMIT = 500;

  /** The page size when none is asked for. */
  public static final int DEFAULT_LIMIT = 50;

  /** The default order: newest first. */
  public static final String NEWEST_FIRST = "-id";
}
