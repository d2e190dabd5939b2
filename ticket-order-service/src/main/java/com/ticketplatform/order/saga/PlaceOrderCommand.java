package com.ticketplatform.order.saga;

import com.ticketplatform.order.order.Order;
import com.ticketplatform.order.order.OrderTicket;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything the place-order saga needs, decided before it starts (order number included), so that every step and
 * every compensation can be re-run from it alone. {@code idempotencyKey} is the buyer's Idempotency-Key, completed
 * with the order number in CreateOrder's own transaction (null for a saga recorded before keys travelled with it).
 */
public record PlaceOrderCommand(long orderNo, long userId, long programId, long showtimeId, long cinemaId,
    String programTitle, String currency, Instant showtimeStartsAt, Instant createdAt, Instant expiresAt,
    List<OrderTicket> tickets, String idempotencyKey) {

  /** The scope of the buyer's Idempotency-Keys among the service's keys (IdempotencyRecords). */
  public static final String IDEMPOTENCY_SCOPE = "POST /api/orders";

  public List<Long> seatIds() {
    return tickets.stream().map(OrderTicket::seatId).toList();
  }

  public BigDecimal amount() {
    return tickets.stream().map(OrderTicket::price).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public Order toOrder() {
    return Order.place(orderNo, userId, programId, showtimeId, cinemaId, programTitle, currency, showtimeStartsAt,
        tickets, createdAt, expiresAt);
  }
}
