package dev.switchboard.task.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.InvalidInputException;
import dev.switchboard.api.TaskFilter;
import dev.switchboard.api.TaskPage;
import dev.switchboard.api.TaskQuery;
import dev.switchboard.api.TaskView;
import dev.switchboard.task.entity.Task;
import dev.switchboard.task.entity.TaskState;
import dev.switchboard.task.entity.Tier;
import dev.switchboard.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task list's one query path on a database built by the migrations: filters, the three sort
 * orders, offset and cursor paging in both directions, and a 400-style refusal for each bad value.
 */
class TaskHistorySearchTest {

  static final Instant T = Instant.parse("2026-11-26T12:00:00Z");
  static final String[] USERS = {"ann", "bob", "cid"};
  static final TaskState[] STATES = {
    TaskState.PENDING, TaskState.RUNNING, TaskState.COMPLETED, TaskState.FAILED
  };

  TestDatabase db;
  TaskHistory history;
  final List<Long> ids = new ArrayList<>();

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    history = new TaskHistory();
    history.em = db.em;
    for (int i = 0; i < 23; i++) {
      int n = i;
      ids.add(
          db.inTransaction(
              em -> {
                // every third task shares a submission time with the one before: ties by id
                Task task =
                    new Task("sha256", "in", USERS[n % 3], "c", T.plusSeconds(n - n % 3 / 2));
                task.setTier2Distributor(n % 2 == 0 ? "tier2-a" : "tier2-b");
                task.setServer("local-" + (n % 4));
                task.moveTo(STATES[n % 4], T, Tier.TIER2, "tier2-a", "reason " + n);
                em.persist(task);
                em.flush();
                return task.getId();
              }));
    }
  }

  List<Long> newestFirst() {
    List<Long> newest = new ArrayList<>(ids);
    java.util.Collections.reverse(newest);
    return newest;
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  TaskPage page(TaskFilter filter, String sort, int offset, String cursor, int limit) {
    return history.search(new TaskQuery(filter, sort, offset, cursor, limit));
  }

  /** Every page from the first, following {@code next}. */
  List<List<Long>> forward(TaskFilter filter, String sort, int limit) {
    List<List<Long>> pages = new ArrayList<>();
    TaskPage page = page(filter, sort, 0, null, limit);
    pages.add(idsOf(page));
    while (page.next() != null) {
      page = page(filter, sort, 0, page.next(), limit);
      pages.add(idsOf(page));
      assertTrue(pages.size() < 100, "next never ends");
    }
    return pages;
  }

  static List<Long> idsOf(TaskPage page) {
    return page.tasks().stream().map(TaskView::id).toList();
  }

  static List<Long> flat(List<List<Long>> pages) {
    return pages.stream().flatMap(List::stream).toList();
  }

  List<Task> all() {
    return db.read(em -> em.createQuery("SELECT t FROM Task t", Task.class).getResultList());
  }

  List<Long> sorted(Comparator<Task> order) {
    return all().stream().sorted(order).map(Task::getId).toList();
  }

  @Test
  void theDefaultIsNewestFirstInPagesThatDoNotOverlap() {
    List<List<Long>> pages = forward(TaskFilter.NONE, null, 5);
    assertEquals(5, pages.size());
    assertEquals(List.of(5, 5, 5, 5, 3), pages.stream().map(List::size).toList());
    assertEquals(newestFirst(), flat(pages));
    TaskPage first = page(TaskFilter.NONE, null, 0, null, 5);
    assertEquals(23, first.total());
    assertNull(first.previous(), "the first page has no previous");
    assertNotNull(first.next());
  }

  @Test
  void previousLeadsBackToThePageBefore() {
    TaskPage first = page(TaskFilter.NONE, "-id", 0, null, 4);
    TaskPage second = page(TaskFilter.NONE, "-id", 0, first.next(), 4);
    TaskPage third = page(TaskFilter.NONE, "-id", 0, second.next(), 4);
    assertEquals(idsOf(second), idsOf(page(TaskFilter.NONE, "-id", 0, third.previous(), 4)));
    TaskPage back = page(TaskFilter.NONE, "-id", 0, second.previous(), 4);
    assertEquals(idsOf(first), idsOf(back));
    assertNull(back.previous(), "back at the start");
    assertEquals(idsOf(second), idsOf(page(TaskFilter.NONE, "-id", 0, back.next(), 4)));
  }

  @Test
  void anOffsetPageHasAPreviousAndItsNextCursorGoesOn() {
    TaskPage byOffset = page(TaskFilter.NONE, null, 10, null, 5);
    assertEquals(newestFirst().subList(10, 15), idsOf(byOffset));
    assertEquals(
        newestFirst().subList(15, 20), idsOf(page(TaskFilter.NONE, null, 0, byOffset.next(), 5)));
    assertEquals(
        newestFirst().subList(5, 10),
        idsOf(page(TaskFilter.NONE, null, 0, byOffset.previous(), 5)));
  }

  @Test
  void everySortOrderPagesThroughEveryTaskOnceWithTiesBrokenById() {
    Comparator<Task> byId = Comparator.comparing(Task::getId);
    Comparator<Task> submitted = Comparator.comparing(Task::getSubmittedAt).thenComparing(byId);
    Comparator<Task> state =
        Comparator.comparing((Task t) -> t.getState().name()).thenComparing(byId);
    assertEquals(sorted(byId), flat(forward(TaskFilter.NONE, "id", 4)));
    assertEquals(sorted(submitted), flat(forward(TaskFilter.NONE, "submittedAt", 4)));
    assertEquals(sorted(submitted.reversed()), flat(forward(TaskFilter.NONE, "-submittedAt", 4)));
    assertEquals(sorted(state), flat(forward(TaskFilter.NONE, "state", 4)));
    assertEquals(sorted(state.reversed()), flat(forward(TaskFilter.NONE, "-state", 4)));
  }

  @Test
  void filtersCombineAndTheTotalCountsEveryMatch() {
    TaskFilter annOnA = new TaskFilter(null, "ann", null, null, "tier2-a", null, null, null);
    List<Long> expected =
        matching(t -> t.getUser().equals("ann") && t.getTier2Distributor().equals("tier2-a"));
    assertEquals(expected, flat(forward(annOnA, "id", 2)));
    assertEquals(expected.size(), page(annOnA, "id", 0, null, 2).total());

    TaskFilter waitingOrRunning =
        new TaskFilter("pending, RUNNING", null, null, null, null, null, null, null);
    assertEquals(
        matching(t -> t.getState() == TaskState.PENDING || t.getState() == TaskState.RUNNING),
        flat(forward(waitingOrRunning, "id", 50)));

    TaskFilter window =
        new TaskFilter(
            null, null, null, "local-1", null, T.toString(), T.plusSeconds(12).toString(), null);
    assertEquals(
        matching(
            t -> t.getServer().equals("local-1") && t.getSubmittedAt().isBefore(T.plusSeconds(12))),
        flat(forward(window, "id", 50)));
  }

  @Test
  void theTextMatchesAnIdOrAWholeName() {
    long one = ids.get(7);
    assertEquals(List.of(one), idsOf(page(text("" + one), "id", 0, null, 50)));
    assertEquals(
        matching(t -> t.getUser().equals("bob")), idsOf(page(text("bob"), "id", 0, null, 50)));
    assertEquals(
        matching(t -> t.getServer().equals("local-2")),
        idsOf(page(text("local-2"), "id", 0, null, 50)));
    assertEquals(0, page(text("bo"), "id", 0, null, 50).total(), "a whole name, not a part");
  }

  static TaskFilter text(String text) {
    return new TaskFilter(null, null, null, null, null, null, null, text);
  }

  List<Long> matching(java.util.function.Predicate<Task> test) {
    return all().stream().filter(test).map(Task::getId).sorted().toList();
  }

  @Test
  void eachBadValueIsRefusedNamingItsField() {
    String otherSort = page(TaskFilter.NONE, "id", 0, null, 2).next();
    assertRefused("limit", () -> page(TaskFilter.NONE, null, 0, null, 0));
    assertRefused("limit", () -> page(TaskFilter.NONE, null, 0, null, 501));
    assertRefused("offset", () -> page(TaskFilter.NONE, null, -1, null, 5));
    assertRefused("sort", () -> page(TaskFilter.NONE, "priority", 0, null, 5));
    assertRefused("sort", () -> page(TaskFilter.NONE, "--id", 0, null, 5));
    assertRefused("cursor", () -> page(TaskFilter.NONE, null, 0, "not a cursor!", 5));
    assertRefused("cursor", () -> page(TaskFilter.NONE, null, 0, "Zm9v", 5));
    assertRefused("cursor", () -> page(TaskFilter.NONE, "-id", 0, otherSort, 5));
    assertRefused("cursor", () -> page(TaskFilter.NONE, "id", 3, otherSort, 5));
    assertRefused(
        "state",
        () -> page(new TaskFilter("DONE", null, null, null, null, null), null, 0, null, 5));
    assertRefused(
        "submittedBefore",
        () -> page(new TaskFilter(null, null, null, null, null, "tomorrow"), null, 0, null, 5));
    assertRefused("text", () -> page(text("x".repeat(129)), null, 0, null, 5));
  }

  static void assertRefused(String field, org.junit.jupiter.api.function.Executable search) {
    InvalidInputException e = assertThrows(InvalidInputException.class, search);
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().startsWith(field), e.getMessage());
  }

  @Test
  void theConsolesSearchStillClampsItsPage() {
    TaskPage page = history.search(TaskFilter.NONE, -5, 25);
    assertEquals(newestFirst(), idsOf(page));
    assertEquals(23, page.total());
  }
}
