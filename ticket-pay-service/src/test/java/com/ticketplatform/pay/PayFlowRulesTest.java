package com.ticketplatform.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.pay.flow.PayFlowRow;
import com.ticketplatform.pay.flow.PayFlowRules;
import com.ticketplatform.pay.flow.PayFlowRules.SuccessDecision;
import com.ticketplatform.pay.flow.PayFlowStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PayFlowRulesTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private static PayFlowRow flow(PayFlowStatus status) {
    PayFlowRow row = new PayFlowRow();
    row.orderNo = 42;
    row.amount = new BigDecimal("90.00");
    row.currency = "CNY";
    row.status = status.name();
    row.paymentId = "pay_1";
    row.expiresAt = NOW.plusSeconds(600);
    return row;
  }

  private static String codeOf(Runnable action) {
    try {
      action.run();
      return null;
    } catch (ApiException e) {
      return e.code();
    }
  }

  @Test
  void reopeningIsTheSameFlowOnlyForTheSameAmountAndCurrency() {
    assertThatCode(() -> PayFlowRules.checkReopen(flow(PayFlowStatus.OPEN), new BigDecimal("90"), "CNY"))
        .doesNotThrowAnyException();
    assertThat(codeOf(() -> PayFlowRules.checkReopen(flow(PayFlowStatus.OPEN), new BigDecimal("90.01"), "CNY")))
        .isEqualTo(PayFlowRules.AMOUNT_CONFLICT);
    assertThat(codeOf(() -> PayFlowRules.checkReopen(flow(PayFlowStatus.OPEN), new BigDecimal("90"), "USD")))
        .isEqualTo(PayFlowRules.AMOUNT_CONFLICT);
  }

  @Test
  void onlyFlowsAwaitingMoneyAreClosed() {
    assertThat(PayFlowRules.shouldClose(PayFlowStatus.OPEN)).isTrue();
    assertThat(PayFlowRules.shouldClose(PayFlowStatus.PAYING)).isTrue();
    for (PayFlowStatus s : new PayFlowStatus[] {PayFlowStatus.PAID, PayFlowStatus.CLOSED,
        PayFlowStatus.REFUNDING, PayFlowStatus.REFUNDED}) {
      assertThat(PayFlowRules.shouldClose(s)).as(s.name()).isFalse();
    }
  }

  @Test
  void paymentStartsOnlyWhileAwaitingMoneyBeforeExpiry() {
    assertThat(codeOf(() -> PayFlowRules.checkStartPayment(flow(PayFlowStatus.OPEN), NOW))).isNull();
    assertThat(codeOf(() -> PayFlowRules.checkStartPayment(flow(PayFlowStatus.PAYING), NOW))).isNull();
    assertThat(codeOf(() -> PayFlowRules.checkStartPayment(flow(PayFlowStatus.CLOSED), NOW)))
        .isEqualTo(PayFlowRules.FLOW_CLOSED);
    assertThat(codeOf(() -> PayFlowRules.checkStartPayment(flow(PayFlowStatus.PAID), NOW)))
        .isEqualTo(PayFlowRules.ALREADY_PAID);
    assertThat(codeOf(() -> PayFlowRules.checkStartPayment(flow(PayFlowStatus.OPEN), NOW.plusSeconds(600))))
        .isEqualTo(PayFlowRules.FLOW_EXPIRED);
    PayFlowRow flagged = flow(PayFlowStatus.OPEN);
    flagged.reviewReason = "amount mismatch";
    assertThat(codeOf(() -> PayFlowRules.checkStartPayment(flagged, NOW))).isEqualTo(PayFlowRules.UNDER_REVIEW);
  }

  @Test
  void refundsOnlyWhatWasPaid() {
    assertThat(codeOf(() -> PayFlowRules.checkRefund(flow(PayFlowStatus.PAID)))).isNull();
    assertThat(codeOf(() -> PayFlowRules.checkRefund(flow(PayFlowStatus.REFUNDED)))).isNull();
    assertThat(codeOf(() -> PayFlowRules.checkRefund(flow(PayFlowStatus.OPEN)))).isEqualTo(PayFlowRules.NOT_PAID);
    assertThat(codeOf(() -> PayFlowRules.checkRefund(flow(PayFlowStatus.CLOSED)))).isEqualTo(PayFlowRules.NOT_PAID);
  }

  @Test
  void providerSuccessIsAppliedOnceAndLateMoneyGoesBack() {
    assertThat(PayFlowRules.onProviderSuccess(PayFlowStatus.OPEN, null, "pay_1")).isEqualTo(SuccessDecision.APPLY);
    assertThat(PayFlowRules.onProviderSuccess(PayFlowStatus.PAYING, "pay_1", "pay_1"))
        .isEqualTo(SuccessDecision.APPLY);
    assertThat(PayFlowRules.onProviderSuccess(PayFlowStatus.PAID, "pay_1", "pay_1"))
        .isEqualTo(SuccessDecision.ALREADY_APPLIED);
    assertThat(PayFlowRules.onProviderSuccess(PayFlowStatus.REFUNDED, "pay_1", "pay_1"))
        .isEqualTo(SuccessDecision.ALREADY_APPLIED);
    assertThat(PayFlowRules.onProviderSuccess(PayFlowStatus.CLOSED, "pay_1", "pay_1"))
        .isEqualTo(SuccessDecision.REFUND_LATE_MONEY);
    assertThat(PayFlowRules.onProviderSuccess(PayFlowStatus.PAID, "pay_1", "pay_2"))
        .isEqualTo(SuccessDecision.REFUND_LATE_MONEY);
  }

  @Test
  void amountAndCurrencyMustBothMatch() {
    assertThat(PayFlowRules.amountMatches(flow(PayFlowStatus.PAYING), new BigDecimal("90.0"), "CNY")).isTrue();
    assertThat(PayFlowRules.amountMatches(flow(PayFlowStatus.PAYING), new BigDecimal("89.99"), "CNY")).isFalse();
    assertThat(PayFlowRules.amountMatches(flow(PayFlowStatus.PAYING), new BigDecimal("90.00"), "USD")).isFalse();
    assertThat(PayFlowRules.amountMatches(flow(PayFlowStatus.PAYING), null, "CNY")).isFalse();
  }

}
