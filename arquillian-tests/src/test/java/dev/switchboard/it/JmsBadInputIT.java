package dev.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.DeadLetterLog;
import dev.switchboard.api.Destinations;
import dev.switchboard.api.ServerRegistry;
import dev.switchboard.it.DeadLetterWatch.Outgoing;
import dev.switchboard.it.DeadLetterWatch.Sender;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Inside the server: malformed and hostile messages on every queue Switchboard consumes (tier 2,
 * dispatch, status, registration) — not JSON, empty, wrong types, nulls, invalid UTF-8 bytes, the
 * wrong message type, a 2 MB body, deep nesting, a dispatch message without its routing property,
 * registrations of the right shape with absurd values. Each one ends as a dead letter with its
 * source and a reason (for an absurd registration: the value and why), none is left on a queue, no
 * absurd server is registered, and the server keeps answering.
 */
class JmsBadInputIT extends IntegrationTest {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.switchboardWith(
        new Class<?>[] {JmsBadInputIT.class}, Awaitility.class, Matcher.class);
  }

  /** One hostile message: the queue, how to build it, and the source its dead letter names. */
  record Case(String queue, String source, Sender sender) {}

  @Test
  void everyHostileMessageIsParkedWithItsReason() throws Exception {
    List<Case> cases = cases();
    DeadLetterWatch watch = new DeadLetterWatch();
    watch.send(cases.stream().map(c -> new Outgoing(c.queue(), c.sender())).toList());

    List<DeadLetterLog.Entry> parked =
        watch.awaitParked(
            cases.size(),
            cases.size() + 20,
            d -> true,
            Duration.ofSeconds(90),
            Duration.ofMillis(500));
    System.out.println("JmsBadInputIT: " + cases.size() + " hostile messages, all parked");
    assertEquals(cases.size(), parked.size(), "each hostile message parked once: " + parked);
    Map<String, Long> bySource =
        parked.stream().collect(Collectors.groupingBy(d -> d.source(), Collectors.counting()));
    Map<String, Long> expected =
        cases.stream().collect(Collectors.groupingBy(c -> c.source(), Collectors.counting()));
    assertEquals(expected, bySource);
    for (DeadLetterLog.Entry d : parked) {
      assertTrue(
          d.reason().startsWith("unreadable"), "a reason that says what is wrong: " + d.reason());
      assertEquals(0, d.tasks(), "no task named: " + d);
    }
    // each reached value validation, past the shape: the reason is the registration's refusal
    for (Absurd absurd : ABSURD_REGISTRATIONS) {
      DeadLetterLog.Entry d =
          parked.stream()
              .filter(p -> absurd.body().equals(p.body()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("not parked: " + absurd.body()));
      assertEquals(
          "unreadable: not a valid ServerUpdates: " + absurd.refusal(),
          d.reason(),
          "refused for its value, not its shape: " + absurd.body());
      assertFalse(registered(absurd.name()), absurd.name() + " was registered");
    }
    assertEquals(200, new ApiClient(null, null).get("/api/health").status());
  }

  private static boolean registered(String name) {
    try {
      ServerRegistry registry =
          (ServerRegistry)
              new InitialContext()
                  .lookup(
                      "java:global/switchboard/ejb-distributor/Registrations!"
                          + ServerRegistry.class.getName());
      return registry.servers().stream().anyMatch(s -> s.name().equals(name));
    } catch (NamingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A registration with one absurd value, in the shape the registration queue takes ({@code
   * {"servers":[...]}}), and the refusal its dead letter's reason must give: the value and why.
   */
  record Absurd(String name, String fields, String refusal) {
    String body() {
      return "{\"servers\":[{\"name\":\"" + name + "\",\"tier2\":\"tier2-a\"," + fields + "}]}";
    }
  }

  static final List<Absurd> ABSURD_REGISTRATIONS =
      List.of(
          new Absurd(
              "bad name!",
              "\"slots\":1,\"applications\":[\"sha256\"]",
              "server name must start with a letter or digit and hold only letters, digits, '.',"
                  + " '_', '@' or '-': bad name!"),
          new Absurd(
              "ok-1",
              "\"slots\":-5,\"applications\":[\"sha256\"]",
              "server ok-1 needs 1 to 10000 slots, got -5"),
          new Absurd(
              "ok-2",
              "\"slots\":1,\"applications\":[]",
              "server ok-2 needs at least one application"),
          new Absurd(
              "ok-3",
              "\"slots\":1,\"applications\":[\"sha256\"],\"computingPower\":-1",
              "server ok-3: power figures must be finite and not negative"));

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    Map<String, String> sources =
        Map.of(
            Destinations.TIER2_A, "tier2-a",
            Destinations.STATUS, "status",
            Destinations.REGISTRATION, "registration",
            Destinations.DISPATCH, "dispatch");
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    String huge = "{\"taskIds\":[" + "1,".repeat(1_000_000) + "1]}";
    for (var queue : sources.entrySet()) {
      String q = queue.getKey();
      String source = queue.getValue();
      for (String text :
          List.of(
              "not json at all",
              " ",
              "null",
              "[1,2,3]",
              "{\"taskIds\":\"seven\",\"reports\":\"x\",\"tasks\":7,\"name\":[]}",
              "{\"taskIds\":[null],\"reports\":[null],\"tasks\":[null],\"name\":null}",
              "{\"unknown\":true}",
              deep)) {
        cases.add(new Case(q, source, context -> route(context.createTextMessage(text), q)));
      }
      cases.add(
          new Case(
              q,
              source,
              context -> {
                BytesMessage bytes = context.createBytesMessage();
                bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
                return route(bytes, q);
              }));
      cases.add(
          new Case(
              q,
              source,
              context -> {
                MapMessage map = context.createMapMessage();
                map.setString("taskIds", "1");
                return route(map, q);
              }));
      cases.add(new Case(q, source, context -> route(context.createObjectMessage("x"), q)));
    }
    cases.add(
        new Case(
            Destinations.TIER2_A,
            "tier2-a",
            context -> context.createTextMessage(huge))); // 2 MB of ids; none exists
    // a dispatch message without the property nodes select on: the main node takes it
    cases.add(
        new Case(
            Destinations.DISPATCH,
            "dispatch",
            context -> context.createTextMessage("{\"server\":\"\",\"tasks\":[]}")));
    for (Absurd absurd : ABSURD_REGISTRATIONS) {
      cases.add(
          new Case(
              Destinations.REGISTRATION,
              "registration",
              context -> context.createTextMessage(absurd.body())));
    }
    return cases;
  }

  /** Dispatch messages carry the property the nodes select on; a main-node server's name. */
  private static Message route(Message message, String queue) throws JMSException {
    if (queue.equals(Destinations.DISPATCH)) {
      message.setStringProperty(Destinations.SERVER, "local-1");
    }
    return message;
  }
}
