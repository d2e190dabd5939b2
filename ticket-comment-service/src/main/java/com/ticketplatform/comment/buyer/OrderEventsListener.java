package com.ticketplatform.comment.buyer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.event.Topics;
import java.time.Clock;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code t_verified_buyer} in step with the order events: OrderPaid marks the order PAID, OrderRefunded marks it
 * REFUNDED. Idempotent by event id (claimed in the same transaction as the change); other event types (most of the
 * topic: every order's OrderCreated) are ignored without a transaction.
 */
@Component
public class OrderEventsListener {

  static final String PAID = "PAID";
  private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

  private final VerifiedBuyerMapper buyers;
  private final ObjectMapper json;
  private final Clock clock;
  private final TransactionTemplate tx;

  public OrderEventsListener(VerifiedBuyerMapper buyers, ObjectMapper json, Clock clock, TransactionTemplate tx) {
    this.buyers = buyers;
    this.json = json;
    this.clock = clock;
    this.tx = tx;
  }

  @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = "${ticket.comment.kafka-group:ticket-comment-service}")
  public void onOrderEvent(String message) {
    JsonNode envelope;
    try {
      envelope = json.readTree(message);
    } catch (JacksonException e) {
      // a record nobody can ever parse must not block the partition
      log.error("skipping unreadable order event: {}", e.getMessage());
      return;
    }
    String type = envelope.path("type").asText("");
    if (!"OrderPaid".equals(type) && !"OrderRefunded".equals(type)) {
      return;
    }
    String eventId = envelope.path("id").asText("");
    JsonNode payload = envelope.path("payload");
    if (eventId.isEmpty() || !payload.hasNonNull("orderNo") || !payload.hasNonNull("userId")
        || !payload.hasNonNull("programId")) {
      log.error("skipping malformed {} event {}", type, eventId);
      return;
    }
    long orderNo = payload.get("orderNo").asLong();
    long userId = payload.get("userId").asLong();
    long programId = payload.get("programId").asLong();
    tx.executeWithoutResult(status -> {
      LocalDateTime now = LocalDateTime.now(clock);
      if (buyers.claimEvent(eventId, now) == 0) {
        return;
      }
      if ("OrderPaid".equals(type)) {
        buyers.recordPaid(orderNo, userId, programId, now);
      } else {
        buyers.recordRefunded(orderNo, userId, programId, now);
      }
    });
  }
}
