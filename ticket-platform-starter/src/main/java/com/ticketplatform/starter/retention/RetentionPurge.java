package com.ticketplatform.starter.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one table bounded (docs/ARCHITECTURE.md §9): deletes the rows whose {@code timeColumn} is older than the
 * retention (by the injected {@link Clock}) and that match {@code condition} (e.g. "published_at IS NOT NULL": only
 * what is done with), in every store it is given (each physical shard holding the table), {@code batchSize} rows per
 * statement. Each batch is its own short transaction, so a purge never holds many locks for long; a store is done
 * when a batch deletes fewer rows than asked. The time column should be indexed, or every batch scans.
 * Counted in {@code ticket_retention_purged_rows_total{table}}.
 */
public final class RetentionPurge {

  private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String table;
  private final String timeColumn;
  private final String condition;
  private final Duration retention;
  private final int batchSize;
  private final boolean ifTableExists;
  private final List<DataSource> stores;
  private final Clock clock;
  private final Counter purged;
  private volatile Boolean tableExists;

  /**
   * @param condition SQL that must also hold for a row to go (configuration, never input), or null
   * @param ifTableExists skip stores without the table (a definition shared by services of which some have it)
   */
  public RetentionPurge(String table, String timeColumn, String condition, Duration retention, int batchSize,
      boolean ifTableExists, List<DataSource> stores, Clock clock, MeterRegistry meters) {
    if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(timeColumn).matches()) {
      throw new IllegalArgumentException("retention: not a table or column name: " + table + "." + timeColumn);
    }
    if (retention.isNegative() || retention.isZero() || batchSize < 1) {
      throw new IllegalArgumentException("retention of " + table + ": retention and batch size must be positive");
    }
    this.table = table;
    this.timeColumn = timeColumn;
    this.condition = condition == null || condition.isBlank() ? null : condition;
    this.retention = retention;
    this.batchSize = batchSize;
    this.ifTableExists = ifTableExists;
    this.stores = List.copyOf(stores);
    this.clock = clock;
    this.purged = meters == null ? null : Counter.builder("ticket.retention.purged.rows")
        .description("rows deleted by the retention purges").tag("table", table).register(meters);
  }

  /** The same purge on another clock (the tests' fixed one). */
  public RetentionPurge withClock(Clock other) {
    return new RetentionPurge(table, timeColumn, condition, retention, batchSize, ifTableExists, stores, other, null);
  }

  public String table() {
    return table;
  }

  /** Deletes what is past the retention now; returns how many rows went. */
  public long purge() {
    Timestamp before = Timestamp.from(clock.instant().minus(retention));
    String sql = "DELETE FROM " + table + " WHERE " + timeColumn + " < ?"
        + (condition == null ? "" : " AND (" + condition + ")") + " LIMIT " + batchSize;
    long total = 0;
    for (DataSource store : stores) {
      try {
        if (ifTableExists && !exists(store)) {
          continue;
        }
        total += purge(store, sql, before);
      } catch (SQLException | RuntimeException e) {
        log.warn("retention purge of {} failed, next round retries: {}", table, e.toString());
      }
    }
    if (total > 0) {
      log.info("retention: {} row(s) of {} older than {} purged", total, table, before.toInstant());
    }
    return total;
  }

  private long purge(DataSource store, String sql, Timestamp before) throws SQLException {
    long total = 0;
    int deleted;
    do {
      try (Connection connection = store.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
        if (!connection.getAutoCommit()) {
          connection.setAutoCommit(true);
        }
        delete.setTimestamp(1, before);
        deleted = delete.executeUpdate();
      }
      total += deleted;
      if (purged != null) {
        purged.increment(deleted);
      }
    } while (deleted >= batchSize && !Thread.currentThread().isInterrupted());
    return total;
  }

  /** Whether the table is there; only a yes is remembered (a failed probe may be a database that is away). */
  private boolean exists(DataSource store) {
    if (Boolean.TRUE.equals(tableExists)) {
      return true;
    }
    try (Connection connection = store.getConnection();
        PreparedStatement probe = connection.prepareStatement("SELECT 1 FROM " + table + " LIMIT 0");
        ResultSet ignored = probe.executeQuery()) {
      tableExists = true;
      return true;
    } catch (SQLException | RuntimeException e) {
      log.debug("retention: no {} here ({}), nothing to purge", table, e.toString());
      return false;
    }
  }

  @Override
  public String toString() {
    return "purge of " + table + " (" + timeColumn + " older than " + retention + ", " + batchSize + " a batch)";
  }
}
