package com.ticketplatform.pay.reconcile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * What one reconciliation run found: provider payments checked, flows repaired (paid at the provider, callback
 * missed), late payments refunded, provider refunds retried; paid flows compared with their orders, payments
 * announced again to an order still waiting for them, payments of cancelled orders refunded; and what needs a human.
 */
public record ReconcileReport(Instant since, Instant finishedAt, int providerPayments, int alreadyConsistent,
    int repaired, int lateRefunded, int refundsRetried, int paidFlowsChecked, int paymentsReannounced,
    int cancelledOrdersRefunded, List<Issue> issues) {

  public record Issue(@Schema(nullable = true) Long orderNo, String paymentId, String kind, String detail) {}
}
