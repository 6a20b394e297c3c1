package dev.switchboard.deadletter.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message a consumer gave up on and parked: where it was, why, the start of its body and how many
 * tasks it named (those tasks were failed with the same reason). Written once, never changed.
 */
@Entity
@Table(name = "SB_DEAD_LETTER")
@NamedQuery(name = DeadLetter.RECENT, query = "SELECT d FROM DeadLetter d ORDER BY d.id DESC")
public class DeadLetter {

  public static final String RECENT = "DeadLetter.recent";

  /** Longest reason and body kept; longer ones are cut. */
  public static final int REASON_LENGTH = 2048;

  public static final int BODY_LENGTH = 4096;

  @Id
  @SequenceGenerator(
      name = "SB_DEAD_LETTER_SEQ",
      sequenceName = "SB_DEAD_LETTER_SEQ",
      allocationSize = 10)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "SB_DEAD_LETTER_SEQ")
  private Long id;

  @Column(length = 64)
  private String source;

  @Column(nullable = false, length = REASON_LENGTH)
  private String reason;

  @Column(length = BODY_LENGTH)
  private String body;

  @Column(nullable = false)
  private int tasks;

  @Column(nullable = false)
  private Instant parkedAt;

  protected DeadLetter() {}

  public DeadLetter(String source, String reason, String body, int tasks, Instant parkedAt) {
    this.source = cut(source, 64);
    this.reason = cut(reason == null ? "no reason given" : reason, REASON_LENGTH);
    this.body = cut(body, BODY_LENGTH);
    this.tasks = tasks;
    this.parkedAt = parkedAt;
  }

  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  public Long getId() {
    return id;
  }

  public String getSource() {
    return source;
  }

  public String getReason() {
    return reason;
  }

  public String getBody() {
    return body;
  }

  public int getTasks() {
    return tasks;
  }

  public Instant getParkedAt() {
    return parkedAt;
  }
}
