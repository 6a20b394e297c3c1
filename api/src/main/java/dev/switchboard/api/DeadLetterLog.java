package dev.switchboard.api;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/** The record of messages parked as dead letters, newest first. */
@Local
public interface DeadLetterLog {

  /** One parked message: where it was consumed, why it was parked, its body's start. */
  record Entry(long id, String source, String reason, String body, int tasks, Instant parkedAt) {}

  /** The newest {@code limit} parked messages. */
  List<Entry> recent(int limit);
}
