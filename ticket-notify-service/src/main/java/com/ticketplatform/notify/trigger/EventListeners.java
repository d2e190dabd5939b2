package com.ticketplatform.notify.trigger;

import com.ticketplatform.common.event.Topics;
import com.ticketplatform.notify.notice.Notice;
import com.ticketplatform.notify.notice.NoticeKind;
import com.ticketplatform.notify.notice.Notices;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns order, payment and program events into notices (docs/ARCHITECTURE.md §14). Each event is applied once: its
 * id is claimed in {@code t_processed_event} in the transaction that updates the projection and records the notices
 * ({@code OrderCreated} aside, idempotent by the order's row), and the notices themselves are unique per (what
 * happened, kind, user). Payloads are read by name, ids as numbers or strings (docs/ARCHITECTURE.md §6), unknown
 * properties ignored.
 */
@Component
public class EventListeners {

  private static final Logger log = LoggerFactory.getLogger(EventListeners.class);
  /** The reason the order service gives an order it cancels because its showtime was cancelled. */
  static final String SHOWTIME_CANCELLED = "SHOWTIME_CANCELLED";

  private final OrderProjection projection;
  private final Notices notices;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final Clock clock;

  public EventListeners(OrderProjection projection, Notices notices, JdbcTemplate jdbc, TransactionTemplate tx,
      ObjectMapper json, Clock clock) {
    this.projection = projection;
    this.notices = notices;
    this.jdbc = jdbc;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
  }

  private record Event(String id, String type, JsonNode payload) {}

  /**
   * The order topic a poll at a time, in order. An on-sale is mostly {@code OrderCreated}: each run of them is written
   * together ({@link OrderProjection#created}), idempotent by the order's row rather than by a claimed event id, so it
   * needs no transaction; every other event is applied on its own, once, as before. A record that cannot be read is
   * logged and skipped, as one that cannot be parsed. When an event cannot be applied, what came before it is
   * written and committed and the container tries again from it (then logs and skips it alone, {@code KafkaConfig}).
   */
  @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = "${ticket.notify.kafka-group:ticket-notify-service}",
      batch = "true")
  public void onOrderEvents(List<String> messages) {
    List<OrderProjection.Created> created = new ArrayList<>();
    List<Integer> createdAt = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      // a record without a value arrives as null (Spring Kafka's KafkaNull, resolved)
      Object record = messages.get(i);
      Event event = record instanceof String message ? read(message) : unreadable();
      if (event == null) {
        continue;
      }
      if ("OrderCreated".equals(event.type())) {
        OrderProjection.Created order = created(event);
        if (order != null) {
          created.add(order);
          createdAt.add(i);
        }
        continue;
      }
      writeCreated(created, createdAt);
      try {
        onOrderEvent(event);
      } catch (RuntimeException e) {
        throw new BatchListenerFailedException("order event " + event.id(), e, i);
      }
    }
    writeCreated(created, createdAt);
  }

  /**
   * Writes a run of {@code OrderCreated}; when the run fails, one by one, so the failure names its own record and the
   * ones before it are kept.
   */
  private void writeCreated(List<OrderProjection.Created> created, List<Integer> createdAt) {
    if (created.isEmpty()) {
      return;
    }
    try {
      projection.created(created, clock.instant());
    } catch (RuntimeException batch) {
      for (int j = 0; j < created.size(); j++) {
        try {
          projection.created(List.of(created.get(j)), clock.instant());
        } catch (RuntimeException e) {
          throw new BatchListenerFailedException("order created event", e, createdAt.get(j));
        }
      }
    }
    created.clear();
    createdAt.clear();
  }

  private static Event unreadable() {
    log.error("skipping an order event without a readable body");
    return null;
  }

  /** What an OrderCreated tells, or null (logged) when it names no order or a time cannot be read. */
  private static OrderProjection.Created created(Event event) {
    try {
      return created(event.payload());
    } catch (RuntimeException e) {
      log.error("skipping unreadable OrderCreated {}: {}", event.id(), e.toString());
      return null;
    }
  }

  private static OrderProjection.Created created(JsonNode p) {
    long orderNo = p.path("orderNo").asLong(0);
    long userId = p.path("userId").asLong(0);
    if (orderNo == 0 || userId == 0) {
      return null;
    }
    return new OrderProjection.Created(orderNo, userId, p.path("showtimeId").asLong(0), text(p, "programTitle"),
        instant(p, "startsAt"), instant(p, "expiresAt"));
  }

  private void onOrderEvent(Event event) {
    JsonNode p = event.payload();
    long orderNo = p.path("orderNo").asLong(0);
    long userId = p.path("userId").asLong(0);
    long showtimeId = p.path("showtimeId").asLong(0);
    if (orderNo == 0 || userId == 0) {
      return;
    }
    String title = text(p, "programTitle");
    Instant startsAt = instant(p, "startsAt");
    switch (event.type()) {
      case "OrderPaid" -> once(event, now -> {
        projection.upsert(orderNo, userId, showtimeId, title, startsAt, "PAID", null, now);
        notices.record(new Notice(NoticeKind.ORDER_CONFIRMED, event.id(), userId, orderNo,
            Notice.Facts.of(title, startsAt).withMoney(money(p), text(p, "currency"))));
      });
      case "OrderCancelled" -> once(event, now -> {
        projection.upsert(orderNo, userId, showtimeId, null, null, "CANCELLED", null, now);
        if (SHOWTIME_CANCELLED.equals(text(p, "reason")) || projection.isCancelled(showtimeId)) {
          tellCancelled(orderNo, userId, showtimeId);
        }
      });
      case "OrderRefunded" -> once(event, now -> {
        projection.upsert(orderNo, userId, showtimeId, null, null, "REFUNDED", null, now);
        if (projection.isCancelled(showtimeId)) {
          tellCancelled(orderNo, userId, showtimeId);
        } else {
          OrderProjection.OrderFacts order = projection.find(orderNo).orElseThrow();
          notices.record(new Notice(NoticeKind.REFUND_COMPLETED, event.id(), userId, orderNo,
              Notice.Facts.of(order.programTitle(), order.startsAt()).withMoney(money(p), text(p, "currency"))));
        }
      });
      default -> { }
    }
  }

  @KafkaListener(topics = Topics.PAYMENT_EVENTS, groupId = "${ticket.notify.kafka-group:ticket-notify-service}")
  public void onPaymentEvent(String message) {
    Event event = read(message);
    if (event == null || !"PaymentFailed".equals(event.type())) {
      return;
    }
    long orderNo = event.payload().path("orderNo").asLong(0);
    OrderProjection.OrderFacts order = projection.find(orderNo).orElse(null);
    if (order == null) {
      // read before the order's own event (another topic): tried again until it arrives or the retry gives up
      // (an order created before this service ran is never heard of: nobody to tell then)
      throw new IllegalStateException("payment failure of order " + orderNo + " read before the order itself");
    }
    once(event, now -> notices.record(new Notice(NoticeKind.PAYMENT_FAILED, event.id(), order.userId(), orderNo,
        Notice.Facts.of(order.programTitle(), order.startsAt()).withReason(text(event.payload(), "reason")))));
  }

  @KafkaListener(topics = Topics.PROGRAM_EVENTS, groupId = "${ticket.notify.kafka-group:ticket-notify-service}")
  public void onProgramEvent(String message) {
    Event event = read(message);
    if (event == null || !"ShowtimeChanged".equals(event.type())) {
      return;
    }
    long showtimeId = event.payload().path("showtimeId").asLong(0);
    String status = text(event.payload(), "status");
    Instant startsAt = instant(event.payload(), "startsAt");
    if ("CANCELLED".equals(status)) {
      once(event, now -> {
        projection.cancelShowtime(showtimeId, now);
        for (OrderProjection.OrderFacts order : projection.liveOrdersOf(showtimeId)) {
          tellCancelled(order.orderNo(), order.userId(), showtimeId);
        }
      });
    } else if (startsAt != null) {
      once(event, now -> {
        for (OrderProjection.OrderFacts order : projection.move(showtimeId, startsAt, now)) {
          if ("PAID".equals(order.status())) {
            notices.record(new Notice(NoticeKind.SHOWTIME_MOVED,
                "showtime-moved:" + showtimeId + ":" + startsAt.toEpochMilli(), order.userId(), order.orderNo(),
                Notice.Facts.of(order.programTitle(), startsAt)));
          }
        }
      });
    }
  }

  /**
   * One notice per buyer of a cancelled showtime, whichever event tells first (the cancellation, or the order's
   * refund or cancellation that follows it): the key names the showtime, not the event.
   */
  private void tellCancelled(long orderNo, long userId, long showtimeId) {
    OrderProjection.OrderFacts order = projection.find(orderNo).orElse(null);
    Notice.Facts facts = order == null ? Notice.Facts.of(null, null)
        : Notice.Facts.of(order.programTitle(), order.startsAt());
    notices.record(new Notice(NoticeKind.SHOWTIME_CANCELLED, "showtime-cancelled:" + showtimeId, userId, orderNo,
        facts));
  }

  private interface Apply {
    void apply(Instant now);
  }

  /** Applies the event in one transaction with the claim of its id; nothing when it was applied before. */
  private void once(Event event, Apply apply) {
    tx.executeWithoutResult(status -> {
      Instant now = clock.instant();
      if (jdbc.update("INSERT IGNORE INTO t_processed_event (event_id, processed_at) VALUES (?, ?)", event.id(),
          Timestamp.from(now)) == 0) {
        return;
      }
      apply.apply(now);
    });
  }

  private Event read(String message) {
    try {
      JsonNode envelope = json.readTree(message);
      String id = envelope.path("id").asText("");
      if (id.isEmpty() || id.length() > 36) {
        log.error("skipping an event without a usable id");
        return null;
      }
      return new Event(id, envelope.path("type").asText(""), envelope.path("payload"));
    } catch (JacksonException e) {
      log.error("skipping unreadable event: {}", e.getMessage());
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** An ISO-8601 instant (or epoch seconds with a fraction, as some writers put it), to the millisecond stored. */
  private static Instant instant(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    Instant at = value.isNumber()
        ? Instant.ofEpochSecond(0).plusNanos(value.decimalValue().movePointRight(9).longValue())
        : Instant.parse(value.asText());
    return at.truncatedTo(ChronoUnit.MILLIS);
  }

  private static BigDecimal money(JsonNode payload) {
    JsonNode amount = payload.get("amount");
    return amount == null || amount.isNull() ? null : new BigDecimal(amount.asText());
  }
}
