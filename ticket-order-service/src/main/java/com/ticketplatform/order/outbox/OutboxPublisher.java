package com.ticketplatform.order.outbox;

import com.ticketplatform.common.event.Topics;
import java.time.Clock;
import java.util.List;
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

  public OutboxPublisher(OutboxMapper mapper, KafkaTemplate<String, String> kafka, Clock clock) {
    this.mapper = mapper;
    this.kafka = kafka;
    this.clock = clock;
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
