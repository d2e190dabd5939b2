package com.ticketplatform.order.outbox;

import com.ticketplatform.common.event.Topics;
import com.ticketplatform.common.outbox.OutboxBacklog;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes outbox rows to {@code ticket.order.events}, keyed by order number, then marks them sent. A crash between
 * send and mark re-sends the event (at-least-once); consumers de-duplicate by the envelope id.
 */
@Component
public class OutboxPublisher {

  private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

  private final OutboxMapper mapper;
  private final KafkaTemplate<String, String> kafka;
  private final Clock clock;
  private final OutboxBacklog backlog;

  public OutboxPublisher(OutboxMapper mapper, KafkaTemplate<String, String> kafka, Clock clock,
      MeterRegistry meters) {
    this.mapper = mapper;
    this.kafka = kafka;
    this.clock = clock;
    // one series for the outboxes of all shard databases (the query is merged by ShardingSphere)
    this.backlog = new OutboxBacklog(meters, "ticket_order", clock);
  }

  @Scheduled(fixedDelayString = "${ticket.order.outbox-measure-interval:PT10S}")
  public void measureBacklog() {
    Map<String, Object> row = mapper.backlog();
    Object oldest = row == null ? null : row.get("oldest");
    long pending = row == null || row.get("pending") == null ? 0 : ((Number) row.get("pending")).longValue();
    backlog.measured(pending, toInstant(oldest));
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof LocalDateTime ldt) {
      return Timestamp.valueOf(ldt).toInstant();
    }
    return null;
  }

  @Scheduled(fixedDelayString = "${ticket.order.outbox-poll-interval:PT0.5S}")
  public void publishPending() {
    List<OutboxRecord> pending = mapper.findUnsent(100);
    for (OutboxRecord record : pending) {
      try {
        kafka.send(Topics.ORDER_EVENTS, record.aggregateId, record.payload).get(10, TimeUnit.SECONDS);
        mapper.markSent(record.id, clock.instant());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // keep order per aggregate: stop at the first failure, retry the same row next round
        mapper.markFailed(record.id);
        log.warn("outbox publish of {} failed, will retry: {}", record.eventId, e.toString());
        return;
      }
    }
  }
}
