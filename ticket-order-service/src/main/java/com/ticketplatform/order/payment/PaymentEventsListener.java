package com.ticketplatform.order.payment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.order.order.OrderLifecycle;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code ticket.payment.events}. Idempotent by event id (processed-event row in the order's shard, written
 * with the transition) and by the transitions' own conditions. A failure is thrown back: retried in place briefly,
 * then parked for {@link PaymentRepairListener} (see {@link KafkaConsumerConfig}), so no event is dropped.
 */
@Component
public class PaymentEventsListener {

  private static final Logger log = LoggerFactory.getLogger(PaymentEventsListener.class);

  private final ObjectMapper json;
  private final OrderLifecycle lifecycle;
  private final Clock clock;

  public PaymentEventsListener(ObjectMapper json, OrderLifecycle lifecycle, Clock clock) {
    this.json = json;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /**
   * One consumer per partition (3 by default): events are keyed by order number, so one order's events stay in order
   * on one thread while different orders are applied side by side. A single consumer applied a payment storm at
   * ~40 events/s, each mostly waiting on its shard and Redis.
   */
  @KafkaListener(topics = Topics.PAYMENT_EVENTS, groupId = "${spring.application.name}",
      concurrency = "${ticket.order.payment-events-consumers:3}")
  public void onMessage(String value) throws Exception {
    apply(value);
  }

  /** Applies one payment event; throws when it cannot be applied now (it is then retried, or parked). */
  public void apply(String value) throws Exception {
    JsonNode envelope = json.readTree(value);
    String type = envelope.path("type").asText();
    String eventId = envelope.path("id").asText();
    JsonNode payload = envelope.path("payload");
    long orderNo = payload.path("orderNo").asLong();
    switch (type) {
      case "PaymentSucceeded" -> lifecycle.onPaymentSucceeded(eventId, orderNo, payload.path("paymentId").asText(),
          payload.hasNonNull("paidAt") ? Instant.parse(payload.path("paidAt").asText()) : clock.instant());
      case "PaymentRefunded" -> lifecycle.onPaymentRefunded(eventId, orderNo);
      case "PaymentFailed" -> log.info("payment of order {} failed; the order stays payable until it expires",
          orderNo);
      default -> log.debug("ignoring payment event {}", type);
    }
  }
}
