package com.ticketplatform.order.saga;

import com.ticketplatform.order.order.Order;
import com.ticketplatform.order.order.OrderTicket;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the place-order saga needs, decided before it starts (order number included), so that every step and
 * every compensation can be re-run from it alone. {@code idempotencyKey} is the buyer's Idempotency-Key, completed
 * with the order number in CreateOrder's own transaction (null for a saga recorded before keys travelled with it).
 * {@code realNameCap}: on a real-name showtime, how many tickets one ID number may hold (every ticket then names its
 * holder); 0 otherwise, as for a saga recorded before real names existed.
 */
public record PlaceOrderCommand(long orderNo, long userId, long programId, long showtimeId, long cinemaId,
    String programTitle, String currency, Instant showtimeStartsAt, Instant createdAt, Instant expiresAt,
    List<OrderTicket> tickets, String idempotencyKey, Integer realNameCap) {

  /** A saga recorded before real names existed has no cap: its tickets are unnamed. */
  public PlaceOrderCommand {
    realNameCap = realNameCap == null ? 0 : realNameCap;
  }

  public PlaceOrderCommand(long orderNo, long userId, long programId, long showtimeId, long cinemaId,
      String programTitle, String currency, Instant showtimeStartsAt, Instant createdAt, Instant expiresAt,
      List<OrderTicket> tickets, String idempotencyKey) {
    this(orderNo, userId, programId, showtimeId, cinemaId, programTitle, currency, showtimeStartsAt, createdAt,
        expiresAt, tickets, idempotencyKey, 0);
  }

  /** The scope of the buyer's Idempotency-Keys among the service's keys (IdempotencyRecords). */
  public static final String IDEMPOTENCY_SCOPE = "POST /api/orders";

  public List<Long> seatIds() {
    return tickets.stream().map(OrderTicket::seatId).toList();
  }

  /** Real-name tickets per ID number (its keyed hash); empty when the tickets name nobody. */
  public Map<String, Integer> ticketsPerIdNumber() {
    Map<String, Integer> perId = new HashMap<>();
    for (OrderTicket t : tickets) {
      if (t.holder() != null && t.holder().idNumberHash() != null) {
        perId.merge(t.holder().idNumberHash(), 1, Integer::sum);
      }
    }
    return perId;
  }

  public BigDecimal amount() {
    return tickets.stream().map(OrderTicket::price).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public Order toOrder() {
    return Order.place(orderNo, userId, programId, showtimeId, cinemaId, programTitle, currency, showtimeStartsAt,
        tickets, createdAt, expiresAt);
  }
}
