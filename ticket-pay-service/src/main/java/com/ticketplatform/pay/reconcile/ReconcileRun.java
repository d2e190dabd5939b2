package com.ticketplatform.pay.reconcile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One recorded reconciliation run (GET /api/admin/payments/reconciliations). {@code counts} is null for a FAILED run,
 * whose {@code error} says why; {@code issues} are the first {@value ReconcileRuns#MAX_STORED_ISSUES} the run
 * reported, {@code issueCount} all of them.
 */
public record ReconcileRun(long id, String trigger, @Schema(nullable = true) Long requestedByUserId, Instant startedAt,
    Instant finishedAt, Instant since, String outcome, @Schema(nullable = true) Counts counts, int issueCount,
    @Schema(nullable = true) String error, List<ReconcileReport.Issue> issues) {

  public static final String OK = "OK";
  public static final String FAILED = "FAILED";

  /** Who started a run. */
  public enum Trigger {
    /** ReconcileService's timer ({@code ticket.pay.reconcile.interval-ms}). */
    SCHEDULED,
    /** An admin: POST /api/admin/payments/reconcile. */
    MANUAL
  }

  /** The report's counts (ReconcileReport). */
  public record Counts(int providerPayments, int alreadyConsistent, int repaired, int lateRefunded,
      int refundsRetried, int paidFlowsChecked, int paymentsReannounced, int cancelledOrdersRefunded) {}
}
