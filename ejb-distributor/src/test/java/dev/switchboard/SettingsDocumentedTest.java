package dev.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is the reference of every setting: each {@code @ConfigProperty} of the
 * server modules' main code has a row there with its name and default, and the table names no
 * setting the code does not read. Names and defaults given as constants are resolved from the
 * sources, so the check sees what the container injects. A setting read past MicroProfile Config
 * (system properties, the environment, a programmatic look-up) would escape the check, so those
 * reads fail it too.
 */
class SettingsDocumentedTest {

  static final Path ROOT = Path.of("..");

  static final Path TABLE = ROOT.resolve("docs/configuration.md");

  /** Every module that runs in the server or a worker; the CLI's options are the client's own. */
  static final List<String> SERVER_MODULES =
      List.of(
          "api",
          "messaging",
          "persistence",
          "ejb-distributor",
          "jms-fulfillment",
          "web-console",
          "worker",
          "realm",
          "baseline");

  static final String NO_DEFAULT = "(none)";

  static final Pattern CONSTANT =
      Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;");

  static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(([^)]*)\\)");

  static final Pattern ARGUMENT =
      Pattern.compile("(name|defaultValue)\\s*=\\s*(\"[^\"]*\"|[\\w.]+)");

  static final Pattern ROW =
      Pattern.compile(
          "^\\|\\s*`(switchboard\\.[^`]+)`\\s*\\|\\s*([^|]*?)\\s*\\|", Pattern.MULTILINE);

  /** Reads of settings that bypass MicroProfile Config, unless of the server's own properties. */
  static final Pattern BYPASS =
      Pattern.compile(
          "(System\\.getProperty|System\\.getenv|Long\\.getLong|Integer\\.getInteger"
              + "|Boolean\\.getBoolean|ConfigProvider\\.getConfig)\\s*\\(([^,)]*)");

  static final List<String> SERVER_OWN = List.of("\"com.sun.aas.instanceRoot\"", "\"user.dir\"");

  /** A setting as one bean reads it: where, the name, the default (null: none). */
  record Read(String where, String name, String defaultValue) {}

  static final Map<Path, String> SOURCES = new LinkedHashMap<>();

  @BeforeAll
  static void readSources() throws IOException {
    for (String module : SERVER_MODULES) {
      Path main = ROOT.resolve(module).resolve("src/main/java");
      assertTrue(
          Files.isDirectory(main), main + " is not a folder: the module list is out of date");
      try (Stream<Path> files = Files.walk(main)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          SOURCES.put(file, Files.readString(file));
        }
      }
    }
  }

  /** The String constants a file declares, by name. */
  static Map<String, String> constants(Path file) {
    Map<String, String> own = new HashMap<>();
    Matcher constant = CONSTANT.matcher(SOURCES.get(file));
    while (constant.find()) {
      own.put(constant.group(1), constant.group(2));
    }
    return own;
  }

  static String className(Path file) {
    return file.getFileName().toString().replaceFirst("\\.java$", "");
  }

  /** Every {@code @ConfigProperty} of the server modules, its name and default resolved. */
  static List<Read> reads() {
    Map<Path, Map<String, String>> own = new HashMap<>();
    Map<String, String> qualified = new HashMap<>();
    SOURCES
        .keySet()
        .forEach(
            file -> {
              Map<String, String> constants = constants(file);
              own.put(file, constants);
              constants.forEach((k, v) -> qualified.put(className(file) + "." + k, v));
            });
    List<Read> reads = new ArrayList<>();
    SOURCES.forEach(
        (file, source) -> {
          Matcher annotation = CONFIG_PROPERTY.matcher(source);
          while (annotation.find()) {
            String where = className(file);
            Map<String, String> arguments = new HashMap<>();
            Matcher argument = ARGUMENT.matcher(annotation.group(1));
            while (argument.find()) {
              arguments.put(
                  argument.group(1),
                  resolve(argument.group(2), own.get(file), qualified, where + ": "));
            }
            assertTrue(
                arguments.containsKey("name"),
                where + ": @ConfigProperty(" + annotation.group(1) + ") names no property");
            reads.add(new Read(where, arguments.get("name"), arguments.get("defaultValue")));
          }
        });
    return reads;
  }

  /** A literal's text, or the value of the constant an expression names. */
  static String resolve(
      String expression, Map<String, String> own, Map<String, String> qualified, String where) {
    if (expression.startsWith("\"")) {
      return expression.substring(1, expression.length() - 1);
    }
    String[] parts = expression.split("\\.");
    String key = parts.length == 1 ? null : parts[parts.length - 2] + "." + parts[parts.length - 1];
    String value = key == null ? own.get(expression) : qualified.get(key);
    assertTrue(value != null, where + "cannot resolve " + expression + " to a String constant");
    return value;
  }

  /** The table's rows: setting name to its default cell, unquoted (null: no default). */
  static Map<String, String> table() throws IOException {
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher row = ROW.matcher(Files.readString(TABLE));
    while (row.find()) {
      String cell = row.group(2);
      String defaultValue = cell.equals(NO_DEFAULT) ? null : cell.replaceFirst("^`(.*)`$", "$1");
      assertEquals(
          null, rows.put(row.group(1), defaultValue), TABLE + ": two rows for " + row.group(1));
    }
    return rows;
  }

  @Test
  void theScanSeesTheSettingsAndTheirConstants() {
    List<Read> reads = reads();
    // a pool list named by Destinations.POOLS_PROPERTY, defaulting to Destinations.DEFAULT_POOLS
    assertTrue(
        reads.contains(
            new Read("DistributorDirectory", "switchboard.tier1.pools", "FrontPool1,FrontPool2")),
        reads.toString());
    assertTrue(
        reads.contains(new Read("AccountBootstrap", "switchboard.admin.password", null)),
        reads.toString());
    assertTrue(reads.stream().map(Read::name).distinct().count() >= 14, reads.toString());
  }

  @Test
  void everySettingTheCodeReadsHasARowWithItsDefault() throws IOException {
    Map<String, String> table = table();
    List<String> wrong = new ArrayList<>();
    for (Read read : reads()) {
      if (!table.containsKey(read.name())) {
        wrong.add(read.where() + " reads " + read.name() + ", which has no row");
      } else if (!Optional.ofNullable(read.defaultValue())
          .equals(Optional.ofNullable(table.get(read.name())))) {
        wrong.add(
            read.where()
                + " reads "
                + read.name()
                + " with default "
                + show(read.defaultValue())
                + ", its row says "
                + show(table.get(read.name())));
      }
    }
    assertEquals(List.of(), wrong, TABLE.toString());
  }

  @Test
  void theTableNamesNoSettingTheCodeDoesNotRead() throws IOException {
    TreeSet<String> unread = new TreeSet<>(table().keySet());
    reads().forEach(read -> unread.remove(read.name()));
    assertEquals(new TreeSet<String>(), unread, TABLE + ": rows of settings nothing reads");
  }

  @Test
  void noSettingIsReadPastMicroProfileConfig() {
    List<String> bypasses = new ArrayList<>();
    SOURCES.forEach(
        (file, source) -> {
          Matcher bypass = BYPASS.matcher(source);
          while (bypass.find()) {
            if (!SERVER_OWN.contains(bypass.group(2).trim())) {
              bypasses.add(className(file) + ": " + bypass.group(1) + "(" + bypass.group(2));
            }
          }
        });
    assertEquals(
        List.of(),
        bypasses,
        "read settings with @ConfigProperty, so that they can be set like the others and are"
            + " checked against docs/configuration.md");
  }

  static String show(String defaultValue) {
    return defaultValue == null ? NO_DEFAULT : "`" + defaultValue + "`";
  }
}
