package com.ticketplatform.starter.outbox;

import com.ticketplatform.starter.persistence.PhysicalDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@code t_outbox} rows to Kafka and marks them published (docs/ARCHITECTURE.md §3), database by database
 * on the physical connections (in a sharded schema each shard database has its own outbox). It runs right after a
 * commit that wrote a row ({@link #nudge()}) and every poll interval, which covers rows left by a crash and everything
 * written while Kafka was down; while the broker refuses, the rounds back off up to the maximum.
 *
 * <p>At least once, in order: a round locks the oldest unpublished rows ({@code FOR UPDATE} at READ COMMITTED, so
 * relays of several instances take turns rather than overtaking each other, while new rows are appended freely),
 * sends them all, waits for the acknowledgements and marks the acknowledged prefix published in one batch. A crash before the mark sends them again; consumers
 * de-duplicate by the envelope id. After a refused send the rest of the batch is sent again in the next round; a row Kafka refuses for good is
 * parked ({@code parked_at}, counted in {@code ticket_outbox_parked}) instead of holding up the rows behind it.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final List<Lane> lanes;
  private final KafkaTemplate<String, String> kafka;
  private final Clock clock;
  private final OutboxProperties properties;
  private final AtomicBoolean roundQueued = new AtomicBoolean();
  private volatile ScheduledExecutorService executor;

  /** One physical database's outbox. */
  private final class Lane {
    final PhysicalDatabases.Database database;
    final JdbcTemplate jdbc;
    final TransactionTemplate tx;
    final OutboxBacklog backlog;
    /** The table has {@code last_error} (a later migration than the layout): refusals are written down there. */
    final boolean recordsErrors;
    Duration backoff = Duration.ZERO;
    long retryAtMillis;

    Lane(PhysicalDatabases.Database database, MeterRegistry meters) {
      this.database = database;
      this.jdbc = new JdbcTemplate(database.dataSource());
      this.tx = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
      // READ COMMITTED: the FOR UPDATE takes the rows it read and no gap after them, so the business transactions
      // that append new rows are never held up while a round waits for Kafka (REPEATABLE READ would lock the gap
      // every insert lands in); the timeout bounds a round that the broker keeps waiting
      this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
      this.tx.setTimeout((int) Math.max(1, properties.sendTimeout().plusSeconds(5).toSeconds()));
      this.backlog = meters == null ? null : new OutboxBacklog(meters, database.schema(), clock);
      this.recordsErrors = hasErrorColumn(jdbc);
    }
  }

  private record Row(long id, String topic, String key, String payload) {}

  private record Round(int taken, int published, Exception refusal) {}

  public OutboxRelay(PhysicalDatabases databases, KafkaTemplate<String, String> kafka, Clock clock,
      OutboxProperties properties, MeterRegistry meters) {
    this.kafka = kafka;
    this.clock = clock;
    this.properties = properties;
    List<Lane> all = new ArrayList<>();
    databases.all().forEach(d -> all.add(new Lane(d, meters)));
    this.lanes = List.copyOf(all);
  }

  /** Something was just committed: publish it now rather than at the next poll. */
  public void nudge() {
    ScheduledExecutorService running = executor;
    if (running != null && roundQueued.compareAndSet(false, true)) {
      try {
        running.execute(this::round);
      } catch (RejectedExecutionException stopping) {
        // the row stays in the outbox; the next start publishes it
        roundQueued.set(false);
      }
    }
  }

  /** One pass over every database: publishes until nothing is pending or the broker refuses. */
  public void round() {
    roundQueued.set(false);
    for (Lane lane : lanes) {
      if (clock.millis() < lane.retryAtMillis) {
        continue;
      }
      try {
        Round round;
        do {
          round = lane.tx.execute(status -> publishBatch(lane));
        } while (round != null && round.refusal() == null && round.taken() == properties.batchSize());
        if (round != null && round.refusal() != null) {
          backOff(lane, round.refusal());
        } else {
          lane.backoff = Duration.ZERO;
          lane.retryAtMillis = 0;
        }
      } catch (RuntimeException e) {
        backOff(lane, e);
      }
    }
  }

  private void backOff(Lane lane, Exception cause) {
    Duration doubled = lane.backoff.isZero() ? properties.pollInterval().multipliedBy(4)
        : lane.backoff.multipliedBy(2);
    lane.backoff = doubled.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : doubled;
    lane.retryAtMillis = clock.millis() + lane.backoff.toMillis();
    log.warn("outbox of {} not published yet, next try in {}: {}", lane.database.schema(), lane.backoff,
        cause.toString());
  }

  private Round publishBatch(Lane lane) {
    List<Row> rows = lane.jdbc.query(
        "SELECT id, topic, record_key, payload FROM t_outbox WHERE published_at IS NULL AND parked_at IS NULL"
            + " ORDER BY id LIMIT ? FOR UPDATE",
        (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        properties.batchSize());
    List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
    Exception refusal = null;
    for (Row row : rows) {
      try {
        sends.add(kafka.send(row.topic(), row.key(), row.payload()));
      } catch (RuntimeException e) {
        refusal = e;
        break;
      }
    }
    long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
    int acknowledged = 0;
    for (CompletableFuture<?> send : sends) {
      try {
        send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        acknowledged++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        refusal = e;
        break;
      } catch (Exception e) {
        refusal = e;
        break;
      }
    }
    if (acknowledged > 0) {
      List<Object[]> published = new ArrayList<>(acknowledged);
      Timestamp now = Timestamp.from(clock.instant());
      for (Row row : rows.subList(0, acknowledged)) {
        published.add(new Object[] {now, row.id()});
      }
      lane.jdbc.batchUpdate("UPDATE t_outbox SET published_at = ?, attempts = attempts + 1 WHERE id = ?", published);
    }
    if (refusal != null && acknowledged < rows.size()) {
      Row refused = rows.get(acknowledged);
      if (!retriable(refusal)) {
        // Kafka will never take this row (too large, a topic that cannot exist, not serialisable): it is parked for
        // a person (ticket_outbox_parked), so it no longer holds up every event behind it
        if (lane.recordsErrors) {
          lane.jdbc.update("UPDATE t_outbox SET attempts = attempts + 1, parked_at = ?, last_error = ? WHERE id = ?",
              Timestamp.from(clock.instant()), describe(refusal), refused.id());
        } else {
          lane.jdbc.update("UPDATE t_outbox SET attempts = attempts + 1, parked_at = ? WHERE id = ?",
              Timestamp.from(clock.instant()), refused.id());
        }
        log.error("outbox row {} of {} parked: Kafka refuses it for good: {}", refused.id(), lane.database.schema(),
            refusal.toString());
        return new Round(rows.size(), acknowledged, null);
      }
      if (lane.recordsErrors) {
        lane.jdbc.update("UPDATE t_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
            describe(refusal), refused.id());
      } else {
        lane.jdbc.update("UPDATE t_outbox SET attempts = attempts + 1 WHERE id = ?", refused.id());
      }
    }
    return new Round(rows.size(), acknowledged, refusal);
  }

  /** The longest refusal kept in {@code t_outbox.last_error}. */
  static final int ERROR_LENGTH = 512;

  /** What Kafka said, for a person: the innermost cause (the send's own wrappers say nothing), cut to the column. */
  static String describe(Throwable refusal) {
    Throwable innermost = refusal;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    String text = innermost.toString();
    return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text;
  }

  /** Whether the outbox in this database has the optional {@code last_error} column. */
  static boolean hasErrorColumn(JdbcTemplate jdbc) {
    try {
      jdbc.execute("SELECT last_error FROM t_outbox WHERE 1 = 0");
      return true;
    } catch (BadSqlGrammarException unknownColumn) {
      // only the missing column means "no column": a database that cannot answer now fails the start instead of
      // switching error recording off for the life of the process
      return false;
    }
  }

  /** The physical databases this relay publishes from, in order. */
  List<PhysicalDatabases.Database> databases() {
    return lanes.stream().map(lane -> lane.database).toList();
  }

  /**
   * Whether trying the same row again later can succeed: the broker down or slow, a leader moving, our own wait
   * running out. What Kafka calls final (an invalid topic, a record too large, a serialisation error) is not.
   */
  static boolean retriable(Throwable refusal) {
    for (Throwable t = refusal; t != null; t = t.getCause()) {
      if (t instanceof RetriableException || t instanceof java.util.concurrent.TimeoutException
          || t instanceof InterruptedException) {
        return true;
      }
      if (t instanceof ApiException || t instanceof SerializationException) {
        return false;
      }
    }
    return true;
  }

  /** Measures each database's backlog for the gauges. */
  public void measure() {
    for (Lane lane : lanes) {
      if (lane.backlog == null) {
        continue;
      }
      try {
        lane.jdbc.query("SELECT COUNT(*), MIN(created_at), COUNT(parked_at) FROM t_outbox WHERE published_at IS NULL",
            rs -> {
              Timestamp oldest = rs.getTimestamp(2);
              lane.backlog.measured(rs.getLong(1), oldest == null ? null : oldest.toInstant(), rs.getLong(3));
            });
      } catch (RuntimeException e) {
        log.debug("outbox backlog of {} not measured: {}", lane.database.schema(), e.toString());
      }
    }
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "outbox-relay");
      thread.setDaemon(true);
      return thread;
    });
    long poll = properties.pollInterval().toMillis();
    started.scheduleWithFixedDelay(this::safeRound, poll, poll, TimeUnit.MILLISECONDS);
    started.scheduleWithFixedDelay(this::measure, 0, properties.measureInterval().toMillis(), TimeUnit.MILLISECONDS);
    executor = started;
  }

  private void safeRound() {
    try {
      round();
    } catch (RuntimeException e) {
      // a scheduled task that throws is never run again
      log.warn("outbox round failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService running = executor;
    executor = null;
    if (running != null) {
      running.shutdown();
      try {
        if (!running.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
          running.shutdownNow();
        }
      } catch (InterruptedException e) {
        running.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  /** Stops after the web server has finished its last requests, so what they committed is published before exit. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
