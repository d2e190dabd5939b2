package com.ticketplatform.pay;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.starter.retention.RetentionSchedule;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pay service's bounded tables (docs/ARCHITECTURE.md §9), on its real schema with a fixed clock: callbacks older
 * than 30 days go, and of the outbox only rows published over 7 days ago; a row still waiting to be published stays,
 * however old.
 */
class RetentionIT extends PayServiceITBase {

  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);

  @Autowired RetentionSchedule retention;

  long callback(Instant receivedAt, String marker) {
    jdbc.update("INSERT INTO t_callback_log (payment_id, signature_valid, raw_body, outcome, received_at)"
        + " VALUES (?, 0, '{}', 'forged', ?)", marker, Timestamp.from(receivedAt));
    return jdbc.queryForObject("SELECT COUNT(*) FROM t_callback_log WHERE payment_id = ?", Long.class, marker);
  }

  /** An unsent row names a topic Kafka refuses, so the running relay cannot publish it while the test looks. */
  String outbox(Instant createdAt, Instant publishedAt) {
    String eventId = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO t_outbox (event_id, topic, record_key, event_type, payload, created_at, published_at)"
        + " VALUES (?, ?, 'retention-it', 'RetentionIt', '{}', ?, ?)", eventId,
        publishedAt == null ? "not a topic!" : "ticket.payment.events", Timestamp.from(createdAt),
        publishedAt == null ? null : Timestamp.from(publishedAt));
    return eventId;
  }

  boolean inOutbox(String eventId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM t_outbox WHERE event_id = ?", Long.class, eventId) == 1;
  }

  @Test
  void callbacksOlderThanThirtyDaysArePurged() {
    String old = "retention-old-" + UUID.randomUUID();
    String recent = "retention-new-" + UUID.randomUUID();
    assertThat(callback(NOW.minus(Duration.ofDays(31)), old)).isEqualTo(1);
    assertThat(callback(NOW.minus(Duration.ofDays(29)), recent)).isEqualTo(1);

    long purged = retention.of("t_callback_log").orElseThrow().withClock(FIXED).purge();

    assertThat(purged).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t_callback_log WHERE payment_id = ?", Long.class, old))
        .isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t_callback_log WHERE payment_id = ?", Long.class, recent))
        .isEqualTo(1);
  }

  @Test
  void onlyOutboxRowsPublishedOverAWeekAgoArePurged() {
    String oldSent = outbox(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(8)));
    String oldUnsent = outbox(NOW.minus(Duration.ofDays(30)), null);
    String newSent = outbox(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));

    retention.of("t_outbox").orElseThrow().withClock(FIXED).purge();

    assertThat(inOutbox(oldSent)).as("published 8 days ago").isFalse();
    assertThat(inOutbox(oldUnsent)).as("never published").isTrue();
    assertThat(jdbc.queryForObject("SELECT published_at FROM t_outbox WHERE event_id = ?", Timestamp.class,
        oldUnsent)).as("still unsent when purged").isNull();
    assertThat(inOutbox(newSent)).as("published yesterday").isTrue();
    // the unsent row holds up the relay (it stops at the first failure): leave nothing behind
    jdbc.update("DELETE FROM t_outbox WHERE event_id IN (?, ?)", oldUnsent, newSent);
  }
}
