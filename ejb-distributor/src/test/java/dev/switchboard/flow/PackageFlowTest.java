package dev.switchboard.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's packages follow the path of a task: intake, then matching, then outcome, with the
 * registry feeding matching's index and the directory shared by all. No import runs against that
 * flow: nothing imports intake, matching imports no later stage, and the shared parts import no
 * stage.
 */
class PackageFlowTest {

  static final Path SOURCES = Path.of("src/main/java/dev/switchboard");

  /** component → the components of this module it may import (besides the shared ones). */
  static final Map<String, Set<String>> MAY_IMPORT =
      Map.of(
          "intake", Set.of("directory"),
          "matching", Set.of("directory"),
          "outcome", Set.of("matching", "directory"),
          "registry", Set.of("matching", "directory"),
          "deadletter", Set.of("matching"),
          "health", Set.of("directory"),
          "directory", Set.of());

  /** Parts every component may use: the task and its people, and plumbing with no stage in it. */
  static final Set<String> SHARED =
      Set.of("task", "profile", "account", "schema", "remote", "api", "messaging");

  static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?dev\\.switchboard\\.([a-z]+)\\.", Pattern.MULTILINE);

  @Test
  void noImportRunsAgainstThePathOfATask() throws IOException {
    List<String> against = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String component = SOURCES.relativize(file).getName(0).toString();
        Matcher imported = IMPORT.matcher(Files.readString(file));
        while (imported.find()) {
          String target = imported.group(1);
          if (target.equals(component) || !isComponentHere(target)) {
            continue;
          }
          boolean allowed =
              SHARED.contains(component)
                  ? SHARED.contains(target)
                  : MAY_IMPORT.get(component).contains(target) || SHARED.contains(target);
          if (!allowed) {
            against.add(file.getFileName() + " (" + component + ") imports " + target);
          }
        }
      }
    }
    assertEquals(List.of(), against);
  }

  @Test
  void everyComponentHasARule() throws IOException {
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        String name = dir.getFileName().toString();
        assertTrue(
            MAY_IMPORT.containsKey(name) || SHARED.contains(name),
            name + " is neither a stage nor a shared part; give it a place in the flow");
      }
    }
  }

  /** Whether a component lives in this module (entities and the API come from other modules). */
  static boolean isComponentHere(String component) {
    return Files.isDirectory(SOURCES.resolve(component));
  }
}
