package com.ticketplatform.order.order;

import com.ticketplatform.order.seat.SeatHolder;
import com.ticketplatform.order.seat.SeatHolders;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The orders as the seat inventory judges them: awaiting payment holds its seats locked, paid or being refunded
 * holds them sold, cancelled or refunded holds none.
 */
@Component
class OrdersHoldingSeats implements SeatHolders {

  private final OrderRepository orders;

  OrdersHoldingSeats(OrderRepository orders) {
    this.orders = orders;
  }

  @Override
  public Optional<SeatHolder> find(long orderNo) {
    return orders.find(orderNo).map(OrdersHoldingSeats::holder);
  }

  @Override
  public List<SeatHolder> holding(long showtimeId) {
    return orders.findHoldingSeats(showtimeId).stream().map(OrdersHoldingSeats::holder).toList();
  }

  @Override
  public Set<Long> holdingOrderNos(long showtimeId) {
    return orders.holdingOrderNos(showtimeId);
  }

  @Override
  public Set<Long> soldOrderNos(long showtimeId) {
    return orders.soldOrderNos(showtimeId);
  }

  @Override
  public List<Long> liveShowtimes(Instant now) {
    return orders.findLiveShowtimes(now);
  }

  @Override
  public List<Long> showtimesToCheck(Instant now, Instant closedSince) {
    return orders.findShowtimesToCheck(now, closedSince);
  }

  static SeatHolder holder(Order order) {
    return new SeatHolder(order.orderNo(), order.userId(), order.seatIds(), order.showtimeStartsAt(),
        hold(order.status()));
  }

  static SeatHolder.Hold hold(OrderStatus status) {
    return switch (status) {
      case PENDING_PAYMENT -> SeatHolder.Hold.LOCKED;
      case PAID, REFUNDING -> SeatHolder.Hold.SOLD;
      case CANCELLED, REFUNDED -> SeatHolder.Hold.RELEASED;
    };
  }
}
