package com.ticketplatform.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.order.seat.SeatHolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The seat inventory sees every order status as the hold its seats are in (what its repairs decide by). */
class OrdersHoldingSeatsTest {

  @ParameterizedTest
  @EnumSource(OrderStatus.class)
  void anOrderHoldsItsSeatsLockedUntilPaidSoldWhilePaidAndNoneOnceClosed(OrderStatus status) {
    Order order = OrderTest.in(status);
    SeatHolder holder = OrdersHoldingSeats.holder(order);

    assertThat(holder.orderNo()).isEqualTo(order.orderNo());
    assertThat(holder.userId()).isEqualTo(order.userId());
    assertThat(holder.seatIds()).isEqualTo(order.seatIds());
    assertThat(holder.showtimeStartsAt()).isEqualTo(order.showtimeStartsAt());
    assertThat(holder.hold()).isEqualTo(switch (status) {
      case PENDING_PAYMENT -> SeatHolder.Hold.LOCKED;
      case PAID, REFUNDING -> SeatHolder.Hold.SOLD;
      case CANCELLED, REFUNDED -> SeatHolder.Hold.RELEASED;
    });
    // what the inventory frees is exactly what no longer holds seats (the orders' own rule, and their queries')
    assertThat(holder.released()).isEqualTo(!status.holdsSeats());
  }
}
