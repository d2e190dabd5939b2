package com.ticketplatform.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class OrderTest {

  private static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");
  private static final Instant STARTS = NOW.plus(Duration.ofDays(1));

  static Order pending() {
    return Order.place(1001, 7, 10, 20, 30, "Film", "CNY", STARTS,
        List.of(new OrderTicket(1, 501, "A1", new BigDecimal("45.00")),
            new OrderTicket(2, 502, "A2", new BigDecimal("55.50"))),
        NOW, NOW.plus(Duration.ofMinutes(15)));
  }

  static Order in(OrderStatus status) {
    Order o = pending();
    switch (status) {
      case PENDING_PAYMENT -> { }
      case PAID -> o.markPaid("p1", NOW);
      case CANCELLED -> o.cancel("USER", NOW);
      case REFUNDING -> { o.markPaid("p1", NOW); o.requestRefund(NOW); }
      case REFUNDED -> { o.markPaid("p1", NOW); o.requestRefund(NOW); o.markRefunded(NOW); }
    }
    assertThat(o.status()).isEqualTo(status);
    return o;
  }

  @Test
  void placedOrderAwaitsPaymentAndSumsItsTickets() {
    Order o = pending();
    assertThat(o.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    assertThat(o.amount()).isEqualByComparingTo("100.50");
    assertThat(o.seatIds()).containsExactly(501L, 502L);
    assertThat(o.version()).isZero();
  }

  @Test
  void orderWithoutTicketsIsRejected() {
    assertThatThrownBy(() -> Order.place(1, 1, 1, 1, 1, "x", "CNY", STARTS, List.of(), NOW, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void legalTransitions() {
    Order paid = pending();
    assertThat(paid.markPaid("pay-1", NOW)).isEqualTo(OrderStatus.PENDING_PAYMENT);
    assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    assertThat(paid.paymentId()).isEqualTo("pay-1");

    Order cancelled = pending();
    cancelled.cancel("EXPIRED", NOW);
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.closeReason()).isEqualTo("EXPIRED");

    assertThat(paid.requestRefund(NOW)).isEqualTo(OrderStatus.PAID);
    assertThat(paid.status()).isEqualTo(OrderStatus.REFUNDING);
    paid.markRefunded(NOW);
    assertThat(paid.status()).isEqualTo(OrderStatus.REFUNDED);
  }

  @ParameterizedTest
  @EnumSource(OrderStatus.class)
  void everyIllegalTransitionThrowsAndLeavesTheOrderUnchanged(OrderStatus from) {
    for (OrderStatus to : OrderStatus.values()) {
      if (Order.canTransition(from, to)) {
        continue;
      }
      Order o = in(from);
      assertThatThrownBy(() -> apply(o, to)).isInstanceOf(IllegalTransitionException.class);
      assertThat(o.status()).isEqualTo(from);
    }
  }

  @Test
  void transitionTableIsExactlyTheDesignedOne() {
    int legal = 0;
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStatus.values()) {
        if (Order.canTransition(from, to)) {
          legal++;
        }
      }
    }
    assertThat(legal).isEqualTo(4);
    assertThat(Order.canTransition(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID)).isTrue();
    assertThat(Order.canTransition(OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED)).isTrue();
    assertThat(Order.canTransition(OrderStatus.PAID, OrderStatus.REFUNDING)).isTrue();
    assertThat(Order.canTransition(OrderStatus.REFUNDING, OrderStatus.REFUNDED)).isTrue();
  }

  @Test
  void refundAfterTheShowtimeStartedIsRefused() {
    Order o = in(OrderStatus.PAID);
    assertThatThrownBy(() -> o.requestRefund(STARTS)).isInstanceOf(RefundWindowClosedException.class);
    assertThat(o.status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void expiryIsJudgedByTheGivenClockTime() {
    Order o = pending();
    assertThat(o.isExpired(NOW.plus(Duration.ofMinutes(14)))).isFalse();
    assertThat(o.isExpired(NOW.plus(Duration.ofMinutes(15)))).isTrue();
    o.markPaid("p", NOW);
    assertThat(o.isExpired(NOW.plus(Duration.ofHours(1)))).isFalse();
  }

  private static void apply(Order o, OrderStatus to) {
    switch (to) {
      case PENDING_PAYMENT -> throw new IllegalTransitionException(o.status(), to);
      case PAID -> o.markPaid("p", NOW);
      case CANCELLED -> o.cancel("x", NOW);
      case REFUNDING -> o.requestRefund(NOW);
      case REFUNDED -> o.markRefunded(NOW);
    }
  }
}
