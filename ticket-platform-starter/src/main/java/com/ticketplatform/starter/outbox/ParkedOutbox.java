package com.ticketplatform.starter.outbox;

import com.ticketplatform.starter.persistence.PhysicalDatabases;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox rows Kafka refused for good ({@code parked_at}, see {@link OutboxRelay}), for a person to look at and send
 * again once the cause is fixed (docs/ARCHITECTURE.md §3). Visits each physical database like the relay does (in a
 * sharded schema every shard database has its own outbox). A parked row is always unpublished, so both reads stay on
 * {@code idx_outbox_unpublished}.
 */
public class ParkedOutbox {

  /**
   * One parked row. {@code eventUuid} is the envelope id consumers de-duplicate by (not named {@code …Id}: only
   * snowflake ids are, docs/ARCHITECTURE.md §6); {@code store} the physical database; {@code lastError} is null
   * where the table has no {@code last_error} column.
   */
  public record ParkedEvent(long outboxId, String eventUuid, String store, String topic, String eventKey, String eventType,
      int attempts, @Schema(nullable = true) String lastError, Instant createdAt, Instant parkedAt) {}

  /** The newest parked rows, and how many are parked in all. */
  public record ParkedEventPage(long total, List<ParkedEvent> items) {}

  /** What asking to send a row again found. */
  public enum Retry {
    /** It was parked and now waits for the relay again. */
    RETRIED,
    /** Not parked: waiting for the relay already. */
    PENDING,
    /** Not parked: on Kafka already. */
    PUBLISHED,
    NOT_FOUND
  }

  /** A retry's outcome; {@code store} is null when no database has the row. */
  public record Retried(Retry outcome, long outboxId, String store) {}

  private record Store(String schema, JdbcTemplate jdbc, boolean recordsErrors) {}

  private static final Comparator<ParkedEvent> NEWEST_PARKED_FIRST = Comparator.comparing(ParkedEvent::parkedAt)
      .thenComparingLong(ParkedEvent::outboxId).reversed();

  private final List<Store> stores;
  private final OutboxRelay relay;

  public ParkedOutbox(OutboxRelay relay) {
    this.relay = relay;
    List<Store> all = new ArrayList<>();
    for (PhysicalDatabases.Database database : relay.databases()) {
      JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
      all.add(new Store(database.schema(), jdbc, OutboxRelay.hasErrorColumn(jdbc)));
    }
    this.stores = List.copyOf(all);
  }

  /** The {@code limit} most recently parked rows over every database, newest first. */
  public ParkedEventPage parked(int limit) {
    long total = 0;
    List<ParkedEvent> items = new ArrayList<>();
    for (Store store : stores) {
      Long count = store.jdbc().queryForObject(
          "SELECT COUNT(*) FROM t_outbox WHERE published_at IS NULL AND parked_at IS NOT NULL", Long.class);
      total += count == null ? 0 : count;
      items.addAll(store.jdbc().query("SELECT id, event_id, topic, record_key, event_type, attempts, "
              + (store.recordsErrors() ? "last_error" : "NULL") + ", created_at, parked_at FROM t_outbox"
              + " WHERE published_at IS NULL AND parked_at IS NOT NULL ORDER BY parked_at DESC, id DESC LIMIT ?",
          (rs, i) -> item(store, rs), limit));
    }
    items.sort(NEWEST_PARKED_FIRST);
    return new ParkedEventPage(total, List.copyOf(items.subList(0, Math.min(limit, items.size()))));
  }

  /**
   * Un-parks row {@code outboxId}: it is pending again, with its attempts counted afresh, and the relay is nudged to
   * send it now (and parks it again if Kafka still refuses). A row that is not parked is left as it is, so asking twice
   * changes nothing the first ask did not.
   */
  public Retried retry(long outboxId) {
    for (Store store : stores) {
      int unparked = store.jdbc().update("UPDATE t_outbox SET parked_at = NULL, attempts = 0"
          + " WHERE id = ? AND published_at IS NULL AND parked_at IS NOT NULL", outboxId);
      if (unparked == 1) {
        relay.nudge();
        return new Retried(Retry.RETRIED, outboxId, store.schema());
      }
    }
    for (Store store : stores) {
      List<Boolean> published = store.jdbc().query("SELECT published_at IS NOT NULL FROM t_outbox WHERE id = ?",
          (rs, i) -> rs.getBoolean(1), outboxId);
      if (!published.isEmpty()) {
        return new Retried(published.get(0) ? Retry.PUBLISHED : Retry.PENDING, outboxId, store.schema());
      }
    }
    return new Retried(Retry.NOT_FOUND, outboxId, null);
  }

  private static ParkedEvent item(Store store, ResultSet rs) throws SQLException {
    return new ParkedEvent(rs.getLong(1), rs.getString(2), store.schema(), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getInt(6), rs.getString(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
