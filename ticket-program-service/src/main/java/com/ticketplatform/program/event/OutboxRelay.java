package com.ticketplatform.program.event;

import com.ticketplatform.common.outbox.OutboxBacklog;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in id order and marks them published. Runs right after a commit (nudge) and on a
 * schedule, which also covers everything left over while Kafka was down. At-least-once: consumers de-duplicate.
 */
@Component
public class OutboxRelay implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 100;
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private final OutboxMapper outbox;
  private final KafkaTemplate<String, String> kafka;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final OutboxBacklog backlog;
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  private final ReentrantLock running = new ReentrantLock();
  private volatile Duration backoff = Duration.ZERO;
  private volatile long retryAfterMillis;
  private final AtomicBoolean again = new AtomicBoolean();
  private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "outbox-relay");
    thread.setDaemon(true);
    return thread;
  });

  public OutboxRelay(OutboxMapper outbox, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
      Clock clock, MeterRegistry meters) {
    this.outbox = outbox;
    this.kafka = kafka;
    this.transactions = transactions;
    this.clock = clock;
    this.backlog = new OutboxBacklog(meters, "ticket_program", clock);
  }

  @Scheduled(fixedDelayString = "${ticket.program.outbox.measure-interval:PT10S}")
  public void measureBacklog() {
    Map<String, Object> row = outbox.backlog();
    long pending = row == null || row.get("pending") == null ? 0 : ((Number) row.get("pending")).longValue();
    Object oldest = row == null ? null : row.get("oldest");
    Instant oldestAt = oldest instanceof Timestamp ts ? ts.toInstant()
        : oldest instanceof LocalDateTime ldt ? Timestamp.valueOf(ldt).toInstant() : null;
    backlog.measured(pending, oldestAt);
  }

  public void nudge() {
    again.set(true);
    try {
      nudges.execute(this::publishPending);
    } catch (RejectedExecutionException shuttingDown) {
      // the row stays in the outbox; the next start publishes it
    }
  }

  @Scheduled(fixedDelayString = "${ticket.program.outbox.poll-interval:PT2S}")
  public void poll() {
    if (clock.millis() >= retryAfterMillis) {
      publishPending();
    }
  }

  /** Publishes until nothing is pending or Kafka fails; a concurrent call is folded into the running one. */
  public void publishPending() {
    if (!running.tryLock()) {
      return;
    }
    try {
      do {
        again.set(false);
        Integer sent;
        do {
          sent = transactions.execute(status -> publishBatch());
        } while (sent != null && sent == BATCH);
      } while (again.get());
      backoff = Duration.ZERO;
      retryAfterMillis = 0;
    } catch (RuntimeException e) {
      // Kafka down: back off (up to a minute) instead of failing every poll
      backoff = backoff.isZero() ? Duration.ofSeconds(2) : min(backoff.multipliedBy(2), MAX_BACKOFF);
      retryAfterMillis = clock.millis() + backoff.toMillis();
      log.warn("program events not published yet, retrying in {}: {}", backoff, e.toString());
    } finally {
      running.unlock();
    }
  }

  private int publishBatch() {
    List<OutboxEvent> rows = outbox.lockUnpublished(BATCH);
    for (OutboxEvent row : rows) {
      try {
        kafka.send(row.topic, row.msgKey, row.payload).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while publishing", e);
      } catch (Exception e) {
        throw new IllegalStateException("Kafka send failed: " + e.getMessage(), e);
      }
      outbox.markPublished(row.id, clock.instant());
    }
    return rows.size();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public void destroy() {
    nudges.shutdownNow();
  }
}
