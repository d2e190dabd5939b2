package com.ticketplatform.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.program.support.IntegrationTestBase;
import com.ticketplatform.starter.retention.RetentionSchedule;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The program outbox stays bounded (docs/ARCHITECTURE.md §9): with a fixed clock, rows published over 7 days ago go;
 * an unpublished row, however old, and a recently published one stay.
 */
class RetentionIT extends IntegrationTestBase {

  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @Autowired RetentionSchedule retention;

  /** An unpublished row names a topic Kafka refuses, so the running relay cannot publish it while the test looks. */
  long outbox(int createdDaysAgo, Integer publishedDaysAgo) {
    long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    jdbc.update("INSERT INTO t_outbox (id, event_id, topic, record_key, event_type, payload, created_at, published_at)"
        + " VALUES (?, ?, ?, 'retention-it', 'RetentionIt', '{}', ?, ?)", id, UUID.randomUUID().toString(),
        publishedDaysAgo == null ? "not a topic!" : "ticket.program.events",
        Timestamp.from(NOW.minus(Duration.ofDays(createdDaysAgo))),
        publishedDaysAgo == null ? null : Timestamp.from(NOW.minus(Duration.ofDays(publishedDaysAgo))));
    return id;
  }

  Timestamp published(long id) {
    return jdbc.query("SELECT published_at FROM t_outbox WHERE id = ?",
        rs -> rs.next() ? (rs.getTimestamp(1) == null ? new Timestamp(0) : rs.getTimestamp(1)) : null, id);
  }

  @Test
  void onlyRowsPublishedOverAWeekAgoArePurged() {
    long oldSent = outbox(9, 8);
    long oldUnsent = outbox(30, null);
    long newSent = outbox(2, 1);

    retention.of("t_outbox").orElseThrow().withClock(Clock.fixed(NOW, ZoneOffset.UTC)).purge();

    assertThat(published(oldSent)).as("published 8 days ago").isNull();
    assertThat(published(oldUnsent)).as("never published: kept, still unpublished").isEqualTo(new Timestamp(0));
    assertThat(published(newSent)).as("published yesterday").isNotNull();
    jdbc.update("DELETE FROM t_outbox WHERE id IN (?, ?)", oldUnsent, newSent);
  }
}
