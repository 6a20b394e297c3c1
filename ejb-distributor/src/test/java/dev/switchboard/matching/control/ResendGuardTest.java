package dev.switchboard.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ResendGuardTest {

  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  /** When matching runs in these tests. */
  static final Instant MATCHED_AT = T0.plusSeconds(10);

  /** A transaction the test ends by hand, running what was registered for its end. */
  static final class Transaction {

    final List<Synchronization> registered = new ArrayList<>();

    final TransactionSynchronizationRegistry registry =
        (TransactionSynchronizationRegistry)
            Proxy.newProxyInstance(
                ResendGuardTest.class.getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("registerInterposedSynchronization")) {
                    registered.add((Synchronization) args[0]);
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });

    void commit() {
      registered.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
    }

    void rollBack() {
      registered.forEach(s -> s.afterCompletion(Status.STATUS_ROLLEDBACK));
    }
  }

  final ResendGuard guard = new ResendGuard(Clock.fixed(MATCHED_AT, ZoneOffset.UTC));

  @Test
  void aSentTaskIsNotSentAgainWithinTheWindowUnlessTheSendingRolledBack() {
    Transaction committed = new Transaction();
    guard.sent(committed.registry, List.of(1L), T0);
    committed.commit();
    assertFalse(guard.maySend(1L, T0.minusSeconds(1)));
    assertTrue(guard.maySend(1L, T0), "sent no later than the window's start");

    Transaction rolledBack = new Transaction();
    guard.sent(rolledBack.registry, List.of(2L), T0);
    assertFalse(guard.maySend(2L, T0.minusSeconds(1)), "remembered while the sending runs");
    rolledBack.rollBack();
    assertTrue(guard.maySend(2L, T0.minusSeconds(1)), "nothing was sent");
  }

  @Test
  void matchedTasksMaySendAgainOnlyOnceTheMatchingCommitted() {
    Transaction sending = new Transaction();
    guard.sent(sending.registry, List.of(1L, 2L), T0);
    sending.commit();

    Transaction failed = new Transaction();
    guard.matched(failed.registry, List.of(1L, 2L), List.of());
    failed.rollBack();
    assertFalse(guard.maySend(1L, T0.minusSeconds(1)), "the batch comes back: still sent");

    Transaction matching = new Transaction();
    guard.matched(matching.registry, List.of(1L), List.of());
    assertFalse(guard.maySend(1L, T0.minusSeconds(1)), "not before the commit");
    matching.commit();
    assertTrue(guard.maySend(1L, T0.minusSeconds(1)));
    assertFalse(guard.maySend(2L, T0.minusSeconds(1)), "not in this batch");
  }

  @Test
  void aTaskThatFitsNowhereWaitsForAServerChange() {
    Transaction matching = new Transaction();
    guard.matched(matching.registry, List.of(5L, 6L), List.of(6L));
    matching.commit();
    assertTrue(guard.maySend(5L, T0));
    assertFalse(guard.maySend(6L, MATCHED_AT.minusMillis(1)), "parked when it was matched");
    assertTrue(guard.maySend(6L, MATCHED_AT));

    guard.serverChanged();
    assertTrue(guard.maySend(6L, T0));
    assertEquals(0, guard.remembered());
  }

  @Test
  void pastAThousandTheOldOnesAreForgotten() {
    Transaction sending = new Transaction();
    guard.sent(sending.registry, LongStream.rangeClosed(1, 1_000).boxed().toList(), T0);
    guard.forgetBefore(T0.plusSeconds(1));
    assertEquals(1_000, guard.remembered(), "within the bound nothing is forgotten");

    guard.sent(sending.registry, List.of(1_001L), T0.plusSeconds(2));
    guard.forgetBefore(T0.plusSeconds(1));
    assertEquals(1, guard.remembered());
    assertFalse(guard.maySend(1_001L, T0));
  }
}
