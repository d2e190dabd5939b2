package com.ticketplatform.pay.flow;

import com.ticketplatform.common.error.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/**
 * The rules every transition is checked against, in one place and free of Spring. The database applies the same
 * rules again with conditional updates, so two racing requests cannot both win; these checks decide what to answer.
 */
public final class PayFlowRules {

  public static final String AMOUNT_CONFLICT = "PAY_FLOW_AMOUNT_CONFLICT";
  public static final String FLOW_CLOSED = "PAY_FLOW_CLOSED";
  public static final String ALREADY_PAID = "PAY_FLOW_ALREADY_PAID";
  public static final String FLOW_EXPIRED = "PAY_FLOW_EXPIRED";
  public static final String NOT_PAID = "PAY_FLOW_NOT_PAID";
  public static final String UNDER_REVIEW = "PAY_FLOW_UNDER_REVIEW";

  private PayFlowRules() {}

  /** Re-opening with the same amount and currency is the same flow; anything else is a different order. */
  public static void checkReopen(PayFlowRow existing, BigDecimal amount, String currency) {
    if (existing.amount.compareTo(amount) != 0 || !existing.currency.equals(currency)) {
      throw new ApiException(HttpStatus.CONFLICT, AMOUNT_CONFLICT,
          "order " + existing.orderNo + " already has a pay flow for " + existing.amount + " " + existing.currency);
    }
  }

  /** Closing is allowed before money arrived; a closed flow closes again as a no-op; a paid one is not closed. */
  public static boolean shouldClose(PayFlowStatus status) {
    return status.awaitingPayment();
  }

  /** A payment may start (or be shown again) only while the flow awaits money and the order has not expired. */
  public static void checkStartPayment(PayFlowRow flow, Instant now) {
    PayFlowStatus status = flow.status();
    if (status == PayFlowStatus.CLOSED) {
      throw ApiException.conflict(FLOW_CLOSED, "the pay flow of order " + flow.orderNo + " is closed");
    }
    if (status.moneyReceived()) {
      throw ApiException.conflict(ALREADY_PAID, "order " + flow.orderNo + " is already paid");
    }
    if (flow.reviewReason != null) {
      throw ApiException.unprocessable(UNDER_REVIEW, "the pay flow of order " + flow.orderNo + " is under review");
    }
    if (!now.isBefore(flow.expiresAt)) {
      throw ApiException.unprocessable(FLOW_EXPIRED, "order " + flow.orderNo + " expired at " + flow.expiresAt);
    }
  }

  /** Refund only what was paid: PAID starts a refund, REFUNDING/REFUNDED repeat it; anything else is refused. */
  public static void checkRefund(PayFlowRow flow) {
    if (!flow.status().moneyReceived()) {
      throw ApiException.conflict(NOT_PAID, "order " + flow.orderNo + " is " + flow.status + ", not paid");
    }
  }

  /** What a provider's success report means for a flow in the given state. */
  public enum SuccessDecision { APPLY, ALREADY_APPLIED, REFUND_LATE_MONEY }

  public static SuccessDecision onProviderSuccess(PayFlowStatus status, String flowPaymentId, String paymentId) {
    if (status.awaitingPayment()) {
      return SuccessDecision.APPLY;
    }
    if (status.moneyReceived() && paymentId.equals(flowPaymentId)) {
      return SuccessDecision.ALREADY_APPLIED;
    }
    // CLOSED (order cancelled/expired), or a second payment for an order already paid by another one:
    // the money is not ours to keep
    return SuccessDecision.REFUND_LATE_MONEY;
  }

  public static boolean amountMatches(PayFlowRow flow, BigDecimal amount, String currency) {
    return amount != null && currency != null && flow.amount.compareTo(amount) == 0
        && flow.currency.equals(currency);
  }

}
