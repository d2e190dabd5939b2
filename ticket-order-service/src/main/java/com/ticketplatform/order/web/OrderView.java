package com.ticketplatform.order.web;

import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;
import com.ticketplatform.order.order.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as its buyer sees it. {@code orderNo} is a JSON string: it exceeds 2^53, which JavaScript numbers cannot
 * hold exactly.
 */
public record OrderView(@JsonSerialize(using = ToStringSerializer.class) long orderNo, String status,
    BigDecimal amount, String currency, Instant expiresAt, long programId, String programTitle, long showtimeId,
    Instant showtimeStartsAt, Instant createdAt, Instant paidAt, String closeReason, List<SeatView> seats) {

  public record SeatView(long seatId, String label, BigDecimal price) {}

  public static OrderView of(Order o) {
    return new OrderView(o.orderNo(), o.status().name(), o.amount(), o.currency(), o.expiresAt(), o.programId(),
        o.programTitle(), o.showtimeId(), o.showtimeStartsAt(), o.createdAt(), o.paidAt(), o.closeReason(),
        o.tickets().stream().map(t -> new SeatView(t.seatId(), t.seatLabel(), t.price())).toList());
  }
}
