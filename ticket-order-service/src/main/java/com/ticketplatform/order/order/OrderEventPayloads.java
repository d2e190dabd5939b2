package com.ticketplatform.order.order;

import com.ticketplatform.common.event.OrderEvents;

/** The public events of an order, built from the aggregate. */
public final class OrderEventPayloads {

  private OrderEventPayloads() {}

  public static OrderEvents.OrderCreated created(Order o) {
    return new OrderEvents.OrderCreated(o.orderNo(), o.userId(), o.programId(), o.showtimeId(), o.cinemaId(),
        o.seatIds(), o.amount(), o.currency(), o.expiresAt(), o.programTitle(), o.showtimeStartsAt());
  }

  public static OrderEvents.OrderPaid paid(Order o) {
    return new OrderEvents.OrderPaid(o.orderNo(), o.userId(), o.programId(), o.showtimeId(), o.cinemaId(),
        o.seatIds(), o.amount(), o.currency(), o.paidAt(), o.programTitle(), o.showtimeStartsAt());
  }

  public static OrderEvents.OrderCancelled cancelled(Order o) {
    return new OrderEvents.OrderCancelled(o.orderNo(), o.userId(), o.showtimeId(), o.seatIds(), o.closeReason());
  }

  public static OrderEvents.OrderRefunded refunded(Order o) {
    return new OrderEvents.OrderRefunded(o.orderNo(), o.userId(), o.programId(), o.showtimeId(), o.seatIds(),
        o.amount(), o.currency());
  }
}
