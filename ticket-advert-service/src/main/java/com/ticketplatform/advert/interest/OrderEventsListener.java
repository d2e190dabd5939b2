package com.ticketplatform.advert.interest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.ticketplatform.common.event.Topics;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Learns from order events: OrderPaid adds one hit to the buyer's interest in the program's category and cinema, and
 * records the buyer of the showtime (for announcements); OrderRefunded removes that showtime buyer. Idempotent by
 * event id, claimed in the same transaction as the change. The category lookup is a remote call, so it runs before
 * the transaction; when it fails the listener throws and the container retries the record.
 */
@Component
public class OrderEventsListener {

  private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

  private final InterestMapper interests;
  private final ProgramCategoryLookup categories;
  private final ObjectMapper json;
  private final Clock clock;
  private final TransactionTemplate tx;

  public OrderEventsListener(InterestMapper interests, ProgramCategoryLookup categories, ObjectMapper json,
      Clock clock, TransactionTemplate tx) {
    this.interests = interests;
    this.categories = categories;
    this.json = json;
    this.clock = clock;
    this.tx = tx;
  }

  @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = "${ticket.advert.kafka-group:ticket-advert-service}")
  public void onOrderEvent(String message) {
    JsonNode envelope;
    try {
      envelope = json.readTree(message);
    } catch (JacksonException e) {
      log.error("skipping unreadable order event: {}", e.getMessage());
      return;
    }
    String type = envelope.path("type").asText("");
    String eventId = envelope.path("id").asText("");
    JsonNode payload = envelope.path("payload");
    if (!"OrderPaid".equals(type) && !"OrderRefunded".equals(type)) {
      return;
    }
    if (eventId.isEmpty() || !payload.hasNonNull("orderNo") || !payload.hasNonNull("userId")) {
      log.error("skipping malformed {} event {}", type, eventId);
      return;
    }
    long orderNo = payload.get("orderNo").asLong();
    long userId = payload.get("userId").asLong();
    if ("OrderRefunded".equals(type)) {
      tx.executeWithoutResult(status -> {
        if (interests.claimEvent(eventId, now()) == 1) {
          interests.removeShowtimeBuyer(orderNo);
        }
      });
      return;
    }
    long programId = payload.path("programId").asLong();
    long showtimeId = payload.path("showtimeId").asLong();
    long cinemaId = payload.path("cinemaId").asLong(0);
    Optional<String> category = categories.categoryOf(programId);
    tx.executeWithoutResult(status -> {
      LocalDateTime now = now();
      if (interests.claimEvent(eventId, now) == 0) {
        return;
      }
      interests.addShowtimeBuyer(orderNo, showtimeId, userId, now);
      category.ifPresent(c -> interests.addHit(userId, Signals.category(c), now));
      if (cinemaId > 0) {
        interests.addHit(userId, Signals.cinema(cinemaId), now);
      }
    });
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
