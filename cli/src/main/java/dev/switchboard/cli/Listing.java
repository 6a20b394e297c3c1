package dev.switchboard.cli;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Rows for a person or a program: an aligned table (like squeue and sinfo) for the one, CSV or a
 * JSON array of objects for the other. A cell has the text the table shows (an age, a cut reason)
 * and the value CSV and JSON carry (the instant, the whole reason).
 */
final class Listing {

  /** How a listing is printed: {@code --output table|json|csv}. */
  enum Format {
    TABLE,
    JSON,
    CSV
  }

  /**
   * @param header the table's heading, e.g. {@code LAST-HEARD}
   * @param key the CSV heading and JSON name, e.g. {@code lastHeardAt}
   * @param maxWidth the widest the table shows a cell (longer text is cut), 0 for no limit
   */
  record Column(String header, String key, int maxWidth) {

    Column(String header, String key) {
      this(header, key, 0);
    }
  }

  /**
   * @param text what the table shows; null shows as {@code -}
   * @param value what CSV and JSON carry: a String, a Number, a Boolean, a collection of strings,
   *     or null
   */
  record Cell(String text, Object value) {

    /** A cell that shows its value. */
    static Cell of(Object value) {
      return new Cell(value == null ? null : value.toString(), value);
    }
  }

  static final String GAP = "  ";
  static final String NONE = "-";
  static final String CUT = "...";

  private final List<Column> columns;
  private final List<List<Cell>> rows = new ArrayList<>();

  Listing(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  Listing add(List<Cell> row) {
    if (row.size() != columns.size()) {
      throw new IllegalArgumentException(row.size() + " cells for " + columns.size() + " columns");
    }
    rows.add(List.copyOf(row));
    return this;
  }

  int size() {
    return rows.size();
  }

  String render(Format format) {
    return switch (format) {
      case TABLE -> table();
      case CSV -> csv();
      case JSON -> json();
    };
  }

  /**
   * Columns as wide as their widest cell, two spaces apart; numbers right-aligned, everything else
   * left; no trailing blanks.
   */
  String table() {
    List<List<String>> texts = new ArrayList<>();
    texts.add(columns.stream().map(Column::header).toList());
    for (List<Cell> row : rows) {
      List<String> line = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        line.add(cut(row.get(c).text(), columns.get(c).maxWidth()));
      }
      texts.add(line);
    }
    int[] widths = new int[columns.size()];
    for (List<String> line : texts) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> line : texts) {
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        String cell = line.get(c);
        String padding = " ".repeat(widths[c] - cell.length());
        text.append(c == 0 ? "" : GAP).append(numeric(c) ? padding + cell : cell + padding);
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** A column whose every cell shows a number (a count, an id), not text made from one. */
  private boolean numeric(int column) {
    return !rows.isEmpty()
        && rows.stream()
            .map(r -> r.get(column))
            .allMatch(c -> c.value() instanceof Number && c.value().toString().equals(c.text()));
  }

  static String cut(String text, int maxWidth) {
    if (text == null || text.isEmpty()) {
      return NONE;
    }
    String line = text.replaceAll("\\s+", " ").strip();
    if (maxWidth > 0 && line.length() > maxWidth) {
      return line.substring(0, Math.max(0, maxWidth - CUT.length())) + CUT;
    }
    return line;
  }

  /** RFC 4180 fields, a heading line of the keys, lines ending in LF. */
  String csv() {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", columns.stream().map(c -> field(c.key())).toList())).append('\n');
    for (List<Cell> row : rows) {
      out.append(String.join(",", row.stream().map(c -> field(csvValue(c.value()))).toList()))
          .append('\n');
    }
    return out.toString();
  }

  private static String csvValue(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Collection<?> many) {
      return String.join(",", many.stream().map(String::valueOf).toList());
    }
    return value.toString();
  }

  /** Quoted when it holds a comma, a quote, a line break or outer blanks; quotes doubled. */
  static String field(String text) {
    boolean quote =
        text.contains(",")
            || text.contains("\"")
            || text.contains("\n")
            || text.contains("\r")
            || !text.equals(text.strip());
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  /** A JSON array with one object per row, named by the columns' keys. */
  String json() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (List<Cell> row : rows) {
      JsonObjectBuilder object = Json.createObjectBuilder();
      for (int c = 0; c < columns.size(); c++) {
        add(object, columns.get(c).key(), row.get(c).value());
      }
      array.add(object);
    }
    return array.build().toString() + "\n";
  }

  private static void add(JsonObjectBuilder object, String key, Object value) {
    if (value == null) {
      object.addNull(key);
    } else if (value instanceof Long || value instanceof Integer) {
      object.add(key, ((Number) value).longValue());
    } else if (value instanceof Number number) {
      object.add(key, number.doubleValue());
    } else if (value instanceof Boolean yes) {
      object.add(key, yes);
    } else if (value instanceof Collection<?> many) {
      JsonArrayBuilder items = Json.createArrayBuilder();
      many.forEach(item -> items.add(String.valueOf(item)));
      object.add(key, items);
    } else {
      object.add(key, value.toString());
    }
  }
}
