package dev.switchboard.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.messaging.ForwardBatch;
import dev.switchboard.testing.MutableClock;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  final MutableClock clock = new MutableClock(T0);

  final DeadLetters deadLetters = new DeadLetters(clock);

  /** A text message with this id, body and broker delivery count. */
  static TextMessage message(String id, String text, int deliveries) {
    return (TextMessage)
        Proxy.newProxyInstance(
            DeadLettersTest.class.getClassLoader(),
            new Class<?>[] {TextMessage.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getJMSMessageID" -> id;
                  case "getText" -> text;
                  case "propertyExists" -> true;
                  case "getIntProperty" -> deliveries;
                  case "toString" -> "message " + id;
                  default -> null;
                });
  }

  /** Consumes a message whose processing fails with this error; the test expects it thrown. */
  void failing(TextMessage message, String error, Consumer<String> park) {
    assertThrows(
        IllegalStateException.class,
        () ->
            deadLetters.consume(
                message,
                ForwardBatch.class,
                batch -> {
                  throw new IllegalStateException(error);
                },
                park),
        message + " fails and is retried");
  }

  void at(long seconds) {
    clock.set(T0.plusSeconds(seconds));
  }

  @Test
  void anUnreadableMessageIsParkedAtOnce() {
    List<String> parked = new ArrayList<>();
    deadLetters.consume(
        message("ID:1", "{not json", 1),
        ForwardBatch.class,
        batch -> {
          throw new AssertionError("must not be processed");
        },
        parked::add);
    assertEquals(1, parked.size());
    assertTrue(parked.get(0).startsWith("unreadable: not a valid ForwardBatch"), parked.get(0));
  }

  @Test
  void aFailingMessageIsParkedOnlyAfterFourDeliveriesAndTheRetryWindow() {
    String body = "{\"taskIds\":[7]}";
    List<String> parked = new ArrayList<>();
    for (int delivery = 1; delivery <= 6; delivery++) {
      at(delivery); // six quick deliveries within seconds: an outage, not a poison message
      failing(message("ID:2", body, delivery), "database gone", parked::add);
    }
    assertEquals(List.of(), parked);

    at(25); // past the window: the seventh delivery parks it with the last error
    deadLetters.consume(
        message("ID:2", body, 7),
        ForwardBatch.class,
        batch -> {
          throw new AssertionError("must not be processed again");
        },
        parked::add);
    assertEquals(1, parked.size());
    assertEquals(
        "failed 6 deliveries over 24 s, last: java.lang.IllegalStateException: database gone",
        parked.get(0));
  }

  @Test
  void aMessageThatSucceedsIsForgotten() {
    String body = "{\"taskIds\":[8]}";
    at(0);
    failing(message("ID:3", body, 1), "once", reason -> {});
    List<Long> done = new ArrayList<>();
    deadLetters.consume(
        message("ID:3", body, 2), ForwardBatch.class, b -> done.addAll(b.taskIds()), r -> {});
    assertEquals(List.of(8L), done);
    at(60); // a later failure of the same id starts a fresh window
    List<String> parked = new ArrayList<>();
    failing(message("ID:3", body, 4), "again", parked::add);
    assertEquals(List.of(), parked);
  }

  /** What a message's failures were is kept by the bean, not the class: a new one knows none. */
  @Test
  void theFailuresBelongToTheInstance() {
    String body = "{\"taskIds\":[9]}";
    at(0);
    failing(message("ID:4", body, 1), "gone", reason -> {});
    at(30);
    assertTrue(deadLetters.exhausted(message("ID:4", body, 7)));
    assertFalse(new DeadLetters(clock).exhausted(message("ID:4", body, 7)));
  }
}
