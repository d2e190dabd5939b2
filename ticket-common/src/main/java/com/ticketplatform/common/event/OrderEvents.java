package com.ticketplatform.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Payloads on {@link Topics#ORDER_EVENTS}, keyed by order number. The envelope type is the record's simple name.
 * Components are only ever appended (consumers read by name and ignore what they do not know, docs/ARCHITECTURE.md
 * §3); events written before a component existed carry null for it.
 */
public final class OrderEvents {

  private OrderEvents() {}

  /** {@code programTitle}, {@code startsAt}: the film and its showtime's start, as the order recorded them. */
  public record OrderCreated(long orderNo, long userId, long programId, long showtimeId, long cinemaId,
      List<Long> seatIds, BigDecimal amount, String currency, Instant expiresAt, String programTitle,
      Instant startsAt) {

    public OrderCreated(long orderNo, long userId, long programId, long showtimeId, long cinemaId,
        List<Long> seatIds, BigDecimal amount, String currency, Instant expiresAt) {
      this(orderNo, userId, programId, showtimeId, cinemaId, seatIds, amount, currency, expiresAt, null, null);
    }
  }

  /** {@code programTitle}, {@code startsAt}: the film and its showtime's start, as the order recorded them. */
  public record OrderPaid(long orderNo, long userId, long programId, long showtimeId, long cinemaId,
      List<Long> seatIds, BigDecimal amount, String currency, Instant paidAt, String programTitle,
      Instant startsAt) {

    public OrderPaid(long orderNo, long userId, long programId, long showtimeId, long cinemaId,
        List<Long> seatIds, BigDecimal amount, String currency, Instant paidAt) {
      this(orderNo, userId, programId, showtimeId, cinemaId, seatIds, amount, currency, paidAt, null, null);
    }
  }

  public record OrderCancelled(long orderNo, long userId, long showtimeId, List<Long> seatIds, String reason) {}

  public record OrderRefunded(long orderNo, long userId, long programId, long showtimeId, List<Long> seatIds,
      BigDecimal amount, String currency) {}
}
