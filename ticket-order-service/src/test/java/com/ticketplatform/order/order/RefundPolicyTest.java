package com.ticketplatform.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefundPolicyTest {

  static final Instant START = Instant.parse("2026-12-24T19:30:00Z");
  static final RefundPolicy POLICY = new RefundPolicy(Duration.ofMinutes(30), Duration.ofDays(3));

  @Test
  void normallyRefundsCloseBeforeTheShow() {
    assertThat(POLICY.refundableUntil(START, null)).isEqualTo(START.minus(Duration.ofMinutes(30)));
  }

  @Test
  void aMoveOpensRefundsUpToTheNewStartForItsPeriod() {
    Instant movedAt = START.minus(Duration.ofDays(1));
    assertThat(POLICY.refundableUntil(START, movedAt)).as("the new start is within the period").isEqualTo(START);
    Instant longAgo = START.minus(Duration.ofDays(10));
    assertThat(POLICY.refundableUntil(START, longAgo)).as("the period is over: the normal rule")
        .isEqualTo(START.minus(Duration.ofMinutes(30)));
    Instant fourDaysBefore = START.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(10));
    assertThat(POLICY.refundableUntil(START, fourDaysBefore)).as("whichever lasts longer")
        .isEqualTo(START.minus(Duration.ofMinutes(10)));
  }

  @Test
  void theDefaultsAreHalfAnHourAndThreeDaysAndNothingNegative() {
    RefundPolicy defaults = new RefundPolicy(null, null);
    assertThat(defaults.closesBeforeStart()).isEqualTo(Duration.ofMinutes(30));
    assertThat(defaults.afterMove()).isEqualTo(Duration.ofDays(3));
    assertThatThrownBy(() -> new RefundPolicy(Duration.ofMinutes(-1), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOrderOfAMovedShowtimeIsRefundedInsideTheWindowOnly() {
    Order order = Order.builder().orderNo(1).userId(2).programId(3).showtimeId(4).cinemaId(5).programTitle("Film")
        .amount(java.math.BigDecimal.TEN).currency("CNY").showtimeStartsAt(START)
        .showtimeMovedAt(START.minus(Duration.ofDays(1))).expiresAt(START).createdAt(START.minus(Duration.ofDays(5)))
        .status(OrderStatus.PAID).build();
    assertThatThrownBy(() -> order.requestRefund(START, POLICY)).isInstanceOf(RefundWindowClosedException.class);
    assertThat(order.requestRefund(START.minus(Duration.ofMinutes(5)), POLICY)).isEqualTo(OrderStatus.PAID);
    assertThat(order.status()).isEqualTo(OrderStatus.REFUNDING);
  }
}
