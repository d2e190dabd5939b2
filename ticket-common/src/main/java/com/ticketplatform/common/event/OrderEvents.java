package com.ticketplatform.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Payloads on {@link Topics#ORDER_EVENTS}, keyed by order number. The envelope type is the record's simple name. */
public final class OrderEvents {

  private OrderEvents() {}

  public record OrderCreated(long orderNo, long userId, long programId, long showtimeId, long cinemaId,
      List<Long> seatIds, BigDecimal amount, String currency, Instant expiresAt) {}

  public record OrderPaid(long orderNo, long userId, long programId, long showtimeId, long cinemaId,
      List<Long> seatIds, BigDecimal amount, String currency, Instant paidAt) {}

  public record OrderCancelled(long orderNo, long userId, long showtimeId, List<Long> seatIds, String reason) {}

  public record OrderRefunded(long orderNo, long userId, long programId, long showtimeId, List<Long> seatIds,
      BigDecimal amount, String currency) {}
}
