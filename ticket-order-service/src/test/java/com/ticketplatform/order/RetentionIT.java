package com.ticketplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.order.support.OrderServiceITBase;
import com.ticketplatform.starter.persistence.PhysicalDatabases;
import com.ticketplatform.starter.retention.RetentionSchedule;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order service's bounded tables (docs/ARCHITECTURE.md §9) in every shard database, with a fixed clock: outbox
 * rows sent over 7 days ago and processed-event ids over 14 days old go; unsent rows, however old, and recent ones
 * stay.
 */
class RetentionIT extends OrderServiceITBase {

  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);

  @Autowired RetentionSchedule retention;
  @Autowired PhysicalDatabases shards;

  List<JdbcTemplate> shardJdbc() {
    return shards.dataSources().stream().map(JdbcTemplate::new).toList();
  }

  static Timestamp ago(int days) {
    return Timestamp.from(NOW.minus(Duration.ofDays(days)));
  }

  static long count(JdbcTemplate shard, String table, String eventId) {
    return shard.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE event_id = ?", Long.class, eventId);
  }

  @Test
  void onlyOutboxRowsSentOverAWeekAgoArePurgedInEveryShard() {
    List<String[]> rows = new ArrayList<>();
    for (JdbcTemplate shard : shardJdbc()) {
      String oldSent = UUID.randomUUID().toString();
      String oldUnsent = UUID.randomUUID().toString();
      String newSent = UUID.randomUUID().toString();
      insertOutbox(shard, oldSent, ago(9), ago(8));
      insertOutbox(shard, oldUnsent, ago(30), null);
      insertOutbox(shard, newSent, ago(2), ago(1));
      rows.add(new String[] {oldSent, oldUnsent, newSent});
    }

    retention.of("t_outbox").orElseThrow().withClock(FIXED).purge();

    List<JdbcTemplate> shardJdbc = shardJdbc();
    for (int i = 0; i < shardJdbc.size(); i++) {
      JdbcTemplate shard = shardJdbc.get(i);
      String[] r = rows.get(i);
      assertThat(count(shard, "t_outbox", r[0])).as("shard %d: sent 8 days ago", i).isZero();
      assertThat(count(shard, "t_outbox", r[1])).as("shard %d: never sent", i).isEqualTo(1);
      assertThat(count(shard, "t_outbox", r[2])).as("shard %d: sent yesterday", i).isEqualTo(1);
      shard.update("DELETE FROM t_outbox WHERE event_id IN (?, ?)", r[1], r[2]);
    }
  }

  @Test
  void processedEventIdsOlderThanTwoWeeksArePurgedInEveryShard() {
    List<String[]> rows = new ArrayList<>();
    for (JdbcTemplate shard : shardJdbc()) {
      String old = UUID.randomUUID().toString();
      String recent = UUID.randomUUID().toString();
      insertProcessed(shard, old, ago(15));
      insertProcessed(shard, recent, ago(13));
      rows.add(new String[] {old, recent});
    }

    long purged = retention.of("t_processed_event").orElseThrow().withClock(FIXED).purge();

    assertThat(purged).isGreaterThanOrEqualTo(rows.size());
    List<JdbcTemplate> shardJdbc = shardJdbc();
    for (int i = 0; i < shardJdbc.size(); i++) {
      assertThat(count(shardJdbc.get(i), "t_processed_event", rows.get(i)[0])).as("shard %d: 15 days old", i).isZero();
      assertThat(count(shardJdbc.get(i), "t_processed_event", rows.get(i)[1])).as("shard %d: 13 days old", i)
          .isEqualTo(1);
    }
  }

  static void insertOutbox(JdbcTemplate shard, String eventId, Timestamp createdAt, Timestamp publishedAt) {
    shard.update("INSERT INTO t_outbox (id, event_id, topic, record_key, event_type, payload, created_at, published_at)"
        + " VALUES (?, ?, 'retention-it', 'retention-it', 'RetentionIt', '{}', ?, ?)",
        ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), eventId, createdAt, publishedAt);
  }

  static void insertProcessed(JdbcTemplate shard, String eventId, Timestamp processedAt) {
    shard.update("INSERT INTO t_processed_event (event_id, order_no, event_type, processed_at)"
        + " VALUES (?, 1, 'RetentionIt', ?)", eventId, processedAt);
  }
}
