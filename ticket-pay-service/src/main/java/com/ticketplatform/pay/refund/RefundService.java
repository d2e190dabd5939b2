package com.ticketplatform.pay.refund;

import com.ticketplatform.client.pay.PayFlowView;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.event.PaymentEvents;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.pay.flow.PayFlowMapper;
import com.ticketplatform.pay.flow.PayFlowRow;
import com.ticketplatform.pay.flow.PayFlowRules;
import com.ticketplatform.pay.flow.PayFlowStatus;
import com.ticketplatform.pay.provider.ProviderClient;
import com.ticketplatform.starter.outbox.Outbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Money going back to the customer. The ledger row is written before the provider is called (with the row's
 * idempotency key, so a retry can never refund twice) and confirmed after; a provider that is down leaves the row
 * REQUESTED, and reconciliation sends it again.
 */
@Service
public class RefundService {

  private static final Logger log = LoggerFactory.getLogger(RefundService.class);

  private final RefundMapper refunds;
  private final PayFlowMapper flows;
  private final ProviderClient provider;
  private final Outbox outbox;
  private final SnowflakeIdGenerator ids;
  private final TransactionTemplate tx;
  private final Clock clock;

  public RefundService(RefundMapper refunds, PayFlowMapper flows, ProviderClient provider, Outbox outbox,
      SnowflakeIdGenerator ids, TransactionTemplate tx, Clock clock) {
    this.refunds = refunds;
    this.flows = flows;
    this.provider = provider;
    this.outbox = outbox;
    this.ids = ids;
    this.tx = tx;
    this.clock = clock;
  }

  public static String customerRefundKey(long orderNo, String paymentId) {
    return "refund-" + orderNo + "-" + paymentId;
  }

  public static String lateRefundKey(String paymentId) {
    return "late-" + paymentId;
  }

  /** Must run inside the caller's transaction: the ledger row commits with the state change that needs it. */
  public boolean recordRequested(long orderNo, String paymentId, String kind, BigDecimal amount, String currency,
      String reason, String key) {
    Instant now = clock.instant();
    RefundRow row = new RefundRow();
    row.id = ids.nextIdFor(orderNo);
    row.orderNo = orderNo;
    row.paymentId = paymentId;
    row.kind = kind;
    row.amount = amount;
    row.currency = currency;
    row.reason = reason;
    row.idempotencyKey = key;
    row.status = RefundRow.REQUESTED;
    row.createdAt = now;
    row.updatedAt = now;
    return refunds.insertIgnore(row) == 1;
  }

  /**
   * Asks the provider to pay back a REQUESTED refund and records its answer. A customer refund that the provider
   * confirms moves the flow REFUNDING → REFUNDED and publishes PaymentRefunded in the same transaction.
   * Returns whether the refund is confirmed.
   */
  public boolean execute(long orderNo, String key) {
    RefundRow row = refunds.find(orderNo, key);
    if (row == null) {
      return false;
    }
    if (RefundRow.SUCCEEDED.equals(row.status)) {
      return true;
    }
    if (!RefundRow.REQUESTED.equals(row.status)) {
      return false;
    }
    ProviderClient.ProviderRefund confirmed;
    try {
      confirmed = provider.refund(row.paymentId, row.amount, row.idempotencyKey);
    } catch (ProviderClient.ProviderRejection e) {
      // the provider will not refund this (e.g. nothing left to refund): a human must look, the flow stays put
      log.error("provider refused refund {} of order {}: {}", key, orderNo, e.getMessage());
      tx.executeWithoutResult(s -> {
        refunds.markFailed(orderNo, key, abbreviate(e.getMessage()), clock.instant());
        flows.flagForReview(orderNo, "refund refused by provider", clock.instant());
      });
      return false;
    } catch (ApiException e) {
      log.warn("refund {} of order {} not confirmed yet (provider unreachable); reconciliation retries it", key,
          orderNo);
      return false;
    }
    if (!"SUCCEEDED".equals(confirmed.status())) {
      return false;
    }
    tx.executeWithoutResult(s -> {
      Instant now = clock.instant();
      refunds.markSucceeded(orderNo, key, confirmed.refundId(), now);
      if (RefundRow.KIND_CUSTOMER.equals(row.kind) && flows.transition(orderNo, PayFlowStatus.REFUNDING.name(),
          PayFlowStatus.REFUNDED.name(), now) == 1) {
        outbox.append(Topics.PAYMENT_EVENTS, orderNo, new PaymentEvents.PaymentRefunded(orderNo, row.paymentId,
            confirmed.refundId(), row.amount, row.currency));
      }
    });
    return true;
  }

  /** A refund in a state no retry can change: confirmed already, or refused by the provider for good. */
  public static final String REFUND_NOT_RETRYABLE = "REFUND_NOT_RETRYABLE";

  /**
   * An admin's retry of one refund (POST /api/admin/payments/refunds/{refundId}/retry): only a REQUESTED refund, the
   * one reconciliation retries too, is sent again, through {@link #execute} with its own idempotency key, so it can
   * never pay back twice. Answers the refund as it stands afterwards: SUCCEEDED once the provider confirmed it,
   * still REQUESTED while the provider is unreachable (reconciliation keeps retrying it), FAILED if the provider
   * refused. 404 for no such refund, 409 {@value #REFUND_NOT_RETRYABLE} for one that is not REQUESTED.
   */
  public RefundRow retry(long refundId) {
    RefundRow row = refunds.findById(refundId);
    if (row == null) {
      throw ApiException.notFound("refund " + refundId);
    }
    if (!RefundRow.REQUESTED.equals(row.status)) {
      throw new ApiException(HttpStatus.CONFLICT, REFUND_NOT_RETRYABLE, "refund " + refundId + " is " + row.status
          + ": only a refund the provider has not confirmed yet is retried", Map.of("status", row.status));
    }
    execute(row.orderNo, row.idempotencyKey);
    return refunds.find(row.orderNo, row.idempotencyKey);
  }

  /**
   * The customer refund the order service asks for (see {@code PayClient}): only a flow the money reached can be
   * refunded, and asking again answers the flow's state.
   */
  public PayFlowView refund(long orderNo, String reason) {
    PayFlowRow flow = flows.find(orderNo);
    if (flow == null) {
      throw ApiException.notFound("pay flow of order " + orderNo);
    }
    PayFlowRules.checkRefund(flow);
    return refundFlow(flow, reason).view();
  }

  /** A customer refund of a PAID flow: PAID → REFUNDING with its ledger row, then the provider call. */
  public PayFlowRow refundFlow(PayFlowRow flow, String reason) {
    String key = customerRefundKey(flow.orderNo, flow.paymentId);
    if (flow.status() == PayFlowStatus.PAID) {
      tx.executeWithoutResult(s -> {
        if (flows.transition(flow.orderNo, PayFlowStatus.PAID.name(), PayFlowStatus.REFUNDING.name(),
            clock.instant()) == 1) {
          recordRequested(flow.orderNo, flow.paymentId, RefundRow.KIND_CUSTOMER, flow.amount, flow.currency,
              reason, key);
        }
      });
    }
    execute(flow.orderNo, key);
    return flows.find(flow.orderNo);
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 120 ? s.substring(0, 120) : s;
  }
}
