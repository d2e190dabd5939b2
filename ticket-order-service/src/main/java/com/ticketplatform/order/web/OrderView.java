package com.ticketplatform.order.web;

import io.swagger.v3.oas.annotations.media.Schema;
import com.ticketplatform.order.order.Order;
import com.ticketplatform.order.order.OrderStatus;
import com.ticketplatform.order.order.RefundPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as its buyer sees it; its ids are JSON strings, like every id (docs/ARCHITECTURE.md §6). */
public record OrderView(long orderNo, String status,
    BigDecimal amount, String currency, Instant expiresAt, long programId, String programTitle, long showtimeId,
    Instant showtimeStartsAt, Instant createdAt, @Schema(nullable = true) Instant paidAt,
    @Schema(nullable = true, description = "why a closed order closed: EXPIRED, CANCELLED, ...") String closeReason,
    List<SeatView> seats,
    @Schema(nullable = true, description = "while PAID: until when (exclusive) a refund may be asked for")
    Instant refundableUntil,
    @Schema(nullable = true, description = "when the cinema moved the showtime to its present start, if it did")
    Instant showtimeMovedAt) {

  /** {@code holder}: on real-name tickets, the holder's name and masked ID number. */
  public record SeatView(long seatId, String label, BigDecimal price, @Schema(nullable = true) String holder) {}

  public static OrderView of(Order o, RefundPolicy refunds) {
    return new OrderView(o.orderNo(), o.status().name(), o.amount(), o.currency(), o.expiresAt(), o.programId(),
        o.programTitle(), o.showtimeId(), o.showtimeStartsAt(), o.createdAt(), o.paidAt(), o.closeReason(),
        o.tickets().stream().map(t -> new SeatView(t.seatId(), t.seatLabel(), t.price(),
            t.holder() == null ? null : t.holder().shown())).toList(),
        o.status() == OrderStatus.PAID ? o.refundableUntil(refunds) : null, o.showtimeMovedAt());
  }
}
