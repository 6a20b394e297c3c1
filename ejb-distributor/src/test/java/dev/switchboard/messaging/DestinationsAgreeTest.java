package dev.switchboard.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.Destinations;
import dev.switchboard.api.Destinations.Destination;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link Destinations} is the one definition of every JMS destination; the deployment descriptors
 * and the domain's asadmin command files, which cannot read Java constants, must spell the same
 * names and the same redelivery settings.
 */
class DestinationsAgreeTest {

  static final Path ROOT = Path.of("..");

  static final List<Path> DESCRIPTORS =
      List.of(
          Path.of("src/main/resources/META-INF/ejb-jar.xml"),
          ROOT.resolve("worker/src/main/webapp/WEB-INF/ejb-jar.xml"));

  static final Pattern PROPERTY =
      Pattern.compile(
          "<activation-config-property-name>(\\w+)</activation-config-property-name>\\s*"
              + "<activation-config-property-value>([^<]*)</activation-config-property-value>");

  @Test
  void everyDescriptorNamesOnlyDestinationsThatExist() throws IOException {
    Set<String> known =
        Destinations.ALL.stream().map(Destination::jndiName).collect(Collectors.toSet());
    List<String> wrong = new ArrayList<>();
    int seen = 0;
    for (Path descriptor : DESCRIPTORS) {
      Matcher property = PROPERTY.matcher(Files.readString(descriptor));
      while (property.find()) {
        String value = property.group(2);
        switch (property.group(1)) {
          case "destinationLookup" -> {
            seen++;
            if (!known.contains(value.replaceFirst("^java:app/", ""))) {
              wrong.add(descriptor + ": destination " + value);
            }
          }
          case "endpointExceptionRedeliveryAttempts" -> {
            if (!value.equals(Destinations.REDELIVERY_ATTEMPTS)) {
              wrong.add(descriptor + ": redelivery attempts " + value);
            }
          }
          case "endpointExceptionRedeliveryInterval" -> {
            if (!value.equals(Destinations.REDELIVERY_INTERVAL_MS)) {
              wrong.add(descriptor + ": redelivery interval " + value);
            }
          }
          default -> {}
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(seen >= 3, "the descriptors' consumers were not found: " + seen);
  }

  static final Pattern RESOURCE =
      Pattern.compile(
          "^create-jms-resource --restype jakarta\\.jms\\.(Queue|Topic) --property Name=(\\w+)"
              + " (\\S+)$",
          Pattern.MULTILINE);

  static final Pattern PHYSICAL =
      Pattern.compile("^create-jmsdest --desttype (queue|topic) .*?(\\w+)$", Pattern.MULTILINE);

  @Test
  void theDomainsCommandsCreateExactlyTheDestinations() throws IOException {
    Path commands = ROOT.resolve("scripts/domain");
    Set<Destination> resources = new HashSet<>();
    Matcher resource = RESOURCE.matcher(Files.readString(commands.resolve("resources.asadmin")));
    while (resource.find()) {
      resources.add(
          new Destination(resource.group(3), resource.group(2), resource.group(1).equals("Topic")));
    }
    assertEquals(Set.copyOf(Destinations.ALL), resources, "resources.asadmin");

    Set<String> physical = new HashSet<>();
    Matcher destination =
        PHYSICAL.matcher(Files.readString(commands.resolve("destinations.asadmin")));
    while (destination.find()) {
      physical.add(destination.group(1) + " " + destination.group(2));
    }
    assertEquals(
        Destinations.ALL.stream()
            .map(d -> (d.topic() ? "topic " : "queue ") + d.physicalName())
            .collect(Collectors.toSet()),
        physical,
        "destinations.asadmin");
  }

  @Test
  void everyDestinationHasOnePhysicalName() {
    assertEquals(
        Destinations.ALL.size(),
        Destinations.ALL.stream().map(Destination::physicalName).distinct().count());
    assertEquals(
        Destinations.ALL.size(),
        Destinations.ALL.stream().map(Destination::jndiName).distinct().count());
  }
}
