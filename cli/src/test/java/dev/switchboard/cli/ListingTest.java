package dev.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.cli.Listing.Cell;
import dev.switchboard.cli.Listing.Column;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingTest {

  static final List<Column> COLUMNS =
      List.of(new Column("ID", "id"), new Column("NAME", "name"), new Column("NOTE", "note", 10));

  static Listing sample() {
    return new Listing(COLUMNS)
        .add(List.of(Cell.of(7L), Cell.of("ann"), Cell.of("short")))
        .add(List.of(Cell.of(1234L), Cell.of("bartholomew"), Cell.of(null)))
        .add(List.of(Cell.of(56L), Cell.of("cy"), Cell.of("a reason far longer\nthan ten")));
  }

  @Test
  void aTableAlignsColumnsRightForNumbersLeftForTextWithoutTrailingBlanks() {
    assertEquals(
        "  ID  NAME         NOTE\n"
            + "   7  ann          short\n"
            + "1234  bartholomew  -\n"
            + "  56  cy           a reaso...\n",
        sample().table());
  }

  @Test
  void anEmptyTableIsItsHeading() {
    assertEquals("ID  NAME  NOTE\n", new Listing(COLUMNS).table());
  }

  @Test
  void csvQuotesWhatNeedsItDoublesQuotesAndLeavesNullEmpty() {
    Listing listing =
        new Listing(List.of(new Column("A", "a"), new Column("B", "b, with comma")))
            .add(List.of(Cell.of("plain"), Cell.of("has,comma")))
            .add(List.of(Cell.of("say \"hi\""), Cell.of("two\nlines")))
            .add(List.of(Cell.of(" padded"), Cell.of(null)))
            .add(List.of(Cell.of(List.of("sha256", "sort")), Cell.of(3)));
    assertEquals(
        "a,\"b, with comma\"\n"
            + "plain,\"has,comma\"\n"
            + "\"say \"\"hi\"\"\",\"two\nlines\"\n"
            + "\" padded\",\n"
            + "\"sha256,sort\",3\n",
        listing.csv());
  }

  @Test
  void csvCarriesTheValueNotTheShownText() {
    Listing listing =
        new Listing(List.of(new Column("AGE", "submittedAt")))
            .add(List.of(new Cell("1:05", "2026-11-26T12:00:00Z")));
    assertEquals("submittedAt\n2026-11-26T12:00:00Z\n", listing.csv());
    assertEquals("AGE\n1:05\n", listing.table());
  }

  @Test
  void jsonIsAnArrayOfObjectsWithTypedValues() {
    Listing listing =
        new Listing(
                List.of(
                    new Column("ID", "id"),
                    new Column("NAME", "name"),
                    new Column("POWER", "power"),
                    new Column("APPS", "applications"),
                    new Column("ZONE", "zone")))
            .add(
                List.of(
                    Cell.of(7L),
                    Cell.of("quote \" and \\"),
                    Cell.of(2.5),
                    Cell.of(List.of("sha256")),
                    Cell.of(null)));
    String text = listing.json();
    JsonArray array = Json.createReader(new StringReader(text)).readArray();
    JsonObject row = array.getJsonObject(0);
    assertEquals(7, row.getJsonNumber("id").longValue());
    assertEquals("quote \" and \\", row.getString("name"));
    assertEquals(2.5, row.getJsonNumber("power").doubleValue());
    assertEquals(List.of(Json.createValue("sha256")), row.getJsonArray("applications"));
    assertEquals(JsonValue.NULL, row.get("zone"));
    assertEquals("[]\n", new Listing(COLUMNS).json());
  }

  @Test
  void aRowMustFillEveryColumn() {
    assertThrows(
        IllegalArgumentException.class, () -> new Listing(COLUMNS).add(List.of(Cell.of(1))));
  }

  @Test
  void agesAreWrittenAsSqueueWritesTimes() {
    assertEquals("0:42", Age.of(Duration.ofSeconds(42)));
    assertEquals("12:05", Age.of(Duration.ofSeconds(12 * 60 + 5)));
    assertEquals("1:02:03", Age.of(Duration.ofSeconds(3723)));
    assertEquals("2-03:04:05", Age.of(Duration.ofSeconds(2 * 86_400 + 3 * 3600 + 4 * 60 + 5)));
    assertEquals("0:00", Age.of(Duration.ofSeconds(-3)), "a clock a little ahead");
    Instant now = Instant.parse("2026-11-26T12:01:00Z");
    assertEquals("1:00", Age.since("2026-11-26T12:00:00Z", now));
    assertEquals(null, Age.since("yesterday", now));
  }
}
