package com.ticketplatform.order.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.order.order.OrderLifecycle;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code ticket.payment.events}. Idempotent by event id (processed-event row in the order's shard, written
 * with the transition) and by the transitions' own conditions. A failure is thrown back so the container retries.
 */
@Component
public class PaymentEventsListener {

  private static final Logger log = LoggerFactory.getLogger(PaymentEventsListener.class);

  private final ObjectMapper json;
  private final OrderLifecycle lifecycle;

  public PaymentEventsListener(ObjectMapper json, OrderLifecycle lifecycle) {
    this.json = json;
    this.lifecycle = lifecycle;
  }

  @KafkaListener(topics = Topics.PAYMENT_EVENTS, groupId = "${spring.application.name}")
  public void onMessage(String value) throws Exception {
    JsonNode envelope = json.readTree(value);
    String type = envelope.path("type").asText();
    String eventId = envelope.path("id").asText();
    JsonNode payload = envelope.path("payload");
    long orderNo = payload.path("orderNo").asLong();
    switch (type) {
      case "PaymentSucceeded" -> lifecycle.onPaymentSucceeded(eventId, orderNo, payload.path("paymentId").asText(),
          payload.hasNonNull("paidAt") ? Instant.parse(payload.path("paidAt").asText()) : Instant.now());
      case "PaymentRefunded" -> lifecycle.onPaymentRefunded(eventId, orderNo);
      case "PaymentFailed" -> log.info("payment of order {} failed; the order stays payable until it expires",
          orderNo);
      default -> log.debug("ignoring payment event {}", type);
    }
  }
}
