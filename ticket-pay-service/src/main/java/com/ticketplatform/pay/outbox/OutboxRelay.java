package com.ticketplatform.pay.outbox;

import com.ticketplatform.common.outbox.OutboxBacklog;
import com.ticketplatform.pay.config.PayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes outbox rows to Kafka, oldest first, at least once: a row is marked published only after the broker
 * acknowledged it, so a crash in between re-sends it (consumers de-duplicate by event id). It stops at the first
 * failure to keep per-order order, and simply tries again on the next tick while Kafka is down.
 */
@Component
public class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final JdbcTemplate physical;
  private final KafkaTemplate<String, String> kafka;
  private final Clock clock;
  private final int batchSize;
  private final OutboxBacklog backlog;

  private record Pending(long id, String topic, String key, String payload) {}

  public OutboxRelay(JdbcTemplate physical, KafkaTemplate<String, String> kafka, Clock clock,
      PayProperties properties, MeterRegistry meters) {
    this.physical = physical;
    this.kafka = kafka;
    this.clock = clock;
    this.batchSize = properties.outbox().batchSize();
    this.backlog = new OutboxBacklog(meters, "ticket_pay", clock);
  }

  @Scheduled(fixedDelayString = "${ticket.pay.outbox.measure-interval-ms:10000}", initialDelay = 1000)
  public void measureBacklog() {
    physical.query("SELECT COUNT(*), MIN(created_at) FROM t_outbox WHERE published_at IS NULL", rs -> {
      Timestamp oldest = rs.getTimestamp(2);
      backlog.measured(rs.getLong(1), oldest == null ? null : oldest.toInstant());
    });
  }

  @Scheduled(fixedDelayString = "${ticket.pay.outbox.poll-interval-ms:500}", initialDelay = 1000)
  public void relay() {
    List<Pending> batch = physical.query(
        "SELECT id, topic, record_key, payload FROM t_outbox WHERE published_at IS NULL ORDER BY id LIMIT ?",
        (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), batchSize);
    for (Pending row : batch) {
      try {
        kafka.send(row.topic(), row.key(), row.payload()).get(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        physical.update("UPDATE t_outbox SET attempts = attempts + 1 WHERE id = ?", row.id());
        log.warn("outbox row {} not published yet: {}", row.id(), e.toString());
        return;
      }
      physical.update("UPDATE t_outbox SET published_at = ?, attempts = attempts + 1 WHERE id = ?",
          Timestamp.from(clock.instant()), row.id());
    }
  }
}
