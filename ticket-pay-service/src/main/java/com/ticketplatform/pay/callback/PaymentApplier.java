package com.ticketplatform.pay.callback;

import com.ticketplatform.common.event.PaymentEvents;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.pay.flow.PayFlowMapper;
import com.ticketplatform.pay.flow.PayFlowRow;
import com.ticketplatform.pay.flow.PayFlowRules;
import com.ticketplatform.pay.refund.RefundRow;
import com.ticketplatform.pay.refund.RefundService;
import com.ticketplatform.starter.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies what the provider reports, exactly once. The gate is the conditional UPDATE (only one caller can move a
 * flow out of OPEN/PAYING); the loser re-reads the flow in a fresh transaction (a snapshot taken before the winner
 * committed would still show PAYING) and answers "already applied". The event is written to the outbox in the
 * winner's transaction.
 */
@Service
public class PaymentApplier {

  private static final Logger log = LoggerFactory.getLogger(PaymentApplier.class);

  private final PayFlowMapper flows;
  private final Outbox outbox;
  private final RefundService refunds;
  private final TransactionTemplate tx;
  private final Clock clock;

  public PaymentApplier(PayFlowMapper flows, Outbox outbox, RefundService refunds, TransactionTemplate tx,
      Clock clock) {
    this.flows = flows;
    this.outbox = outbox;
    this.refunds = refunds;
    this.tx = tx;
    this.clock = clock;
  }

  public CallbackOutcome apply(ProviderNotice notice) {
    return notice.success() ? applySuccess(notice) : applyDecline(notice);
  }

  private CallbackOutcome applySuccess(ProviderNotice notice) {
    for (int attempt = 0; attempt < 3; attempt++) {
      PayFlowRow flow = flows.find(notice.orderNo());
      if (flow == null) {
        return CallbackOutcome.UNKNOWN_ORDER;
      }
      switch (PayFlowRules.onProviderSuccess(flow.status(), flow.paymentId, notice.paymentId())) {
        case ALREADY_APPLIED -> {
          return CallbackOutcome.REPLAY;
        }
        case REFUND_LATE_MONEY -> {
          return refundLateMoney(flow, notice);
        }
        case APPLY -> {
          if (!PayFlowRules.amountMatches(flow, notice.amount(), notice.currency())) {
            String reason = "provider reported " + notice.amount() + " " + notice.currency() + " for payment "
                + notice.paymentId();
            flows.flagForReview(flow.orderNo, reason, clock.instant());
            log.error("amount mismatch on order {}: expected {} {}, {}", flow.orderNo, flow.amount, flow.currency,
                reason);
            return CallbackOutcome.AMOUNT_MISMATCH;
          }
          Boolean applied = tx.execute(s -> {
            Instant now = clock.instant();
            Instant paidAt = notice.paidAt() != null ? notice.paidAt() : now;
            if (flows.markPaid(flow.orderNo, notice.paymentId(), paidAt, now) != 1) {
              return false;
            }
            outbox.append(Topics.PAYMENT_EVENTS, flow.orderNo, new PaymentEvents.PaymentSucceeded(flow.orderNo, notice.paymentId(),
                flow.amount, flow.currency, paidAt));
            return true;
          });
          if (Boolean.TRUE.equals(applied)) {
            return CallbackOutcome.OK;
          }
          // lost the race (another callback, a close): decide again on what the winner left
        }
        default -> throw new IllegalStateException();
      }
    }
    throw new IllegalStateException("pay flow " + notice.orderNo() + " kept changing under a callback");
  }

  /**
   * Money arrived for a flow that must not keep it (order cancelled/expired, or paid by another payment): it goes
   * back. The ledger row (keyed by the payment) is the once-only gate; the provider call follows its commit.
   */
  private CallbackOutcome refundLateMoney(PayFlowRow flow, ProviderNotice notice) {
    String key = RefundService.lateRefundKey(notice.paymentId());
    Boolean recorded = tx.execute(s -> refunds.recordRequested(flow.orderNo, notice.paymentId(),
        RefundRow.KIND_LATE_PAYMENT, notice.amount(), notice.currency(),
        "payment arrived while the pay flow was " + flow.status, key));
    if (!Boolean.TRUE.equals(recorded)) {
      return CallbackOutcome.REPLAY;
    }
    log.warn("late payment {} for order {} ({}): refunding", notice.paymentId(), flow.orderNo, flow.status);
    refunds.execute(flow.orderNo, key);
    return CallbackOutcome.LATE_REFUNDED;
  }

  private CallbackOutcome applyDecline(ProviderNotice notice) {
    PayFlowRow flow = flows.find(notice.orderNo());
    if (flow == null) {
      return CallbackOutcome.UNKNOWN_ORDER;
    }
    Boolean applied = tx.execute(s -> {
      if (flows.markDeclined(flow.orderNo, notice.paymentId(), clock.instant()) != 1) {
        return false;
      }
      outbox.append(Topics.PAYMENT_EVENTS, flow.orderNo, new PaymentEvents.PaymentFailed(flow.orderNo, notice.paymentId(),
          "declined by the provider"));
      return true;
    });
    return Boolean.TRUE.equals(applied) ? CallbackOutcome.FAILED : CallbackOutcome.REPLAY;
  }

}
