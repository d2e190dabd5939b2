package com.ticketplatform.pay.reconcile;

import com.ticketplatform.pay.callback.CallbackOutcome;
import com.ticketplatform.pay.callback.PaymentApplier;
import com.ticketplatform.pay.callback.ProviderNotice;
import com.ticketplatform.pay.config.PayProperties;
import com.ticketplatform.pay.flow.PayFlowMapper;
import com.ticketplatform.pay.flow.PayFlowRow;
import com.ticketplatform.pay.flow.PayFlowRules;
import com.ticketplatform.pay.provider.ProviderClient;
import com.ticketplatform.pay.refund.RefundMapper;
import com.ticketplatform.pay.refund.RefundRow;
import com.ticketplatform.pay.refund.RefundService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Compares the provider's books with ours. A payment the provider took whose callback never arrived is applied
 * through {@link PaymentApplier}, the very path a callback takes (same exactly-once gate, same event); refunds the
 * provider has not confirmed are sent again (idempotency keys make that safe); every flow still PAID is compared with
 * its order ({@link PaidFlowsCheck}: money we keep ends as a ticket or a refund); the rest is recorded as issues.
 */
@Service
public class ReconcileService {

  private static final Logger log = LoggerFactory.getLogger(ReconcileService.class);
  private static final Duration REFUND_RETRY_AFTER = Duration.ofSeconds(30);

  private final ProviderClient provider;
  private final PayFlowMapper flows;
  private final PaymentApplier applier;
  private final RefundMapper refunds;
  private final RefundService refundService;
  private final ReconcileIssueMapper issues;
  private final PayProperties properties;
  private final Clock clock;
  private final MeterRegistry meters;
  private final PaidFlowsCheck paidFlows;
  private final ReconcileRuns runs;
  private final ReentrantLock running = new ReentrantLock();

  public ReconcileService(ProviderClient provider, PayFlowMapper flows, PaymentApplier applier, RefundMapper refunds,
      RefundService refundService, ReconcileIssueMapper issues, PayProperties properties, Clock clock,
      MeterRegistry meters, PaidFlowsCheck paidFlows, ReconcileRuns runs) {
    this.provider = provider;
    this.flows = flows;
    this.applier = applier;
    this.refunds = refunds;
    this.refundService = refundService;
    this.issues = issues;
    this.properties = properties;
    this.clock = clock;
    this.meters = meters;
    this.paidFlows = paidFlows;
    this.runs = runs;
  }

  @Scheduled(initialDelayString = "${ticket.pay.reconcile.interval-ms:300000}",
      fixedDelayString = "${ticket.pay.reconcile.interval-ms:300000}")
  public void scheduled() {
    if (!properties.reconcile().enabled()) {
      return;
    }
    try {
      ReconcileReport report = reconcile(clock.instant().minus(properties.reconcile().lookback()),
          ReconcileRun.Trigger.SCHEDULED, null);
      if (report.repaired() + report.lateRefunded() + report.paymentsReannounced()
          + report.cancelledOrdersRefunded() + report.issues().size() > 0) {
        log.warn("reconciliation: {}", report);
      }
    } catch (RuntimeException e) {
      log.warn("reconciliation skipped: {}", e.toString());
    }
  }

  /**
   * One run over the provider payments changed since {@code since}, recorded whatever its outcome
   * ({@link ReconcileRuns}); a provider that cannot be reached fails it with 503 PROVIDER_UNAVAILABLE.
   *
   * @param requestedBy the admin who asked for a MANUAL run
   */
  public ReconcileReport reconcile(Instant since, ReconcileRun.Trigger trigger, Long requestedBy) {
    running.lock();
    try {
      Instant startedAt = clock.instant();
      ReconcileReport report;
      try {
        report = run(since);
      } catch (RuntimeException e) {
        runs.failed(trigger, requestedBy, startedAt, since, e);
        throw e;
      }
      runs.succeeded(trigger, requestedBy, startedAt, report);
      return report;
    } finally {
      running.unlock();
    }
  }

  private ReconcileReport run(Instant since) {
    List<ProviderClient.ProviderPayment> payments = provider.paymentsSince(since);
    // every flow we hold as paid, read once: on a busy day nearly every payment the provider lists is one of them,
    // and one query answers them all instead of a read per payment (the rest go through the applier)
    List<PayFlowRow> paidHere = flows.paidSince(since);
    Map<Long, PayFlowRow> paidHereByOrder = new HashMap<>();
    paidHere.forEach(flow -> paidHereByOrder.put(flow.orderNo, flow));
    int consistent = 0;
    int repaired = 0;
    int lateRefunded = 0;
    List<ReconcileReport.Issue> found = new ArrayList<>();
    for (ProviderClient.ProviderPayment payment : payments) {
      if (!"PAID".equals(payment.status())) {
        continue; // nothing was taken: whatever the flow says, no money is at stake
      }
      Long orderNo = parseOrderNo(payment.merchantOrderNo());
      if (orderNo == null) {
        found.add(issue(null, payment.paymentId(), "UNKNOWN_ORDER", "merchant order " + payment.merchantOrderNo()));
        continue;
      }
      PayFlowRow known = paidHereByOrder.get(orderNo);
      if (known != null && PayFlowRules.onProviderSuccess(known.status(), known.paymentId, payment.paymentId())
          == PayFlowRules.SuccessDecision.ALREADY_APPLIED) {
        consistent++;
        continue;
      }
      CallbackOutcome outcome = applier.apply(new ProviderNotice(orderNo, payment.paymentId(), payment.amount(),
          payment.currency(), true, payment.paidAt()));
      switch (outcome) {
        case OK -> {
          repaired++;
          meters.counter("ticket.pay.reconcile.repaired").increment();
          log.warn("reconciliation applied payment {} of order {} (its callback never arrived)",
              payment.paymentId(), orderNo);
        }
        case REPLAY -> consistent++;
        case LATE_REFUNDED -> lateRefunded++;
        case AMOUNT_MISMATCH -> found.add(issue(orderNo, payment.paymentId(), "AMOUNT_MISMATCH",
            "provider took " + payment.amount() + " " + payment.currency()));
        case UNKNOWN_ORDER -> found.add(issue(orderNo, payment.paymentId(), "UNKNOWN_ORDER",
            "no pay flow for a paid payment"));
        default -> found.add(issue(orderNo, payment.paymentId(), "UNEXPECTED", outcome.tag()));
      }
    }
    checkOurPaidFlowsArePaidAtTheProvider(paidHere, payments, found);
    int retried = retryUnconfirmedRefunds();
    PaidFlowsCheck.Result orders = paidFlows.run(paidHere,
        clock.instant().minus(properties.reconcile().orderGrace()), this::issue);
    found.addAll(orders.issues());
    return new ReconcileReport(since, clock.instant(), payments.size(), consistent, repaired, lateRefunded, retried,
        orders.checked(), orders.reannounced(), orders.refunded(), found);
  }

  /** The other direction: a flow we marked paid must match a payment the provider took. */
  private void checkOurPaidFlowsArePaidAtTheProvider(List<PayFlowRow> paidHere,
      List<ProviderClient.ProviderPayment> payments, List<ReconcileReport.Issue> found) {
    Map<String, ProviderClient.ProviderPayment> byId = new HashMap<>();
    payments.forEach(p -> byId.put(p.paymentId(), p));
    for (PayFlowRow flow : paidHere) {
      ProviderClient.ProviderPayment atProvider = byId.get(flow.paymentId);
      if (atProvider == null || !"PAID".equals(atProvider.status())) {
        found.add(issue(flow.orderNo, String.valueOf(flow.paymentId), "PAID_HERE_NOT_AT_PROVIDER",
            "provider reports " + (atProvider == null ? "no such payment" : atProvider.status())));
      }
    }
  }

  private int retryUnconfirmedRefunds() {
    int retried = 0;
    for (RefundRow pending : refunds.pendingSince(clock.instant().minus(REFUND_RETRY_AFTER))) {
      refundService.execute(pending.orderNo, pending.idempotencyKey);
      retried++;
    }
    return retried;
  }

  private ReconcileReport.Issue issue(Long orderNo, String paymentId, String kind, String detail) {
    issues.insertIgnore(orderNo, paymentId, kind, detail, clock.instant());
    return new ReconcileReport.Issue(orderNo, paymentId, kind, detail);
  }

  private static Long parseOrderNo(String merchantOrderNo) {
    try {
      return Long.parseLong(merchantOrderNo);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
