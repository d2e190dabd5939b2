package com.ticketplatform.pay.web;

import com.ticketplatform.common.web.Caller;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.pay.reconcile.ReconcileReport;
import com.ticketplatform.pay.reconcile.ReconcileRun;
import com.ticketplatform.pay.reconcile.ReconcileRuns;
import com.ticketplatform.pay.reconcile.ReconcileService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reconciliation for admins (ADMIN: see AdminRoutesGuard): run it now, and read the runs recorded so far. */
@RestController
public class AdminPaymentController {

  static final int DEFAULT_RUNS = 20;
  static final int MAX_RUNS = 100;

  /** The newest runs first. */
  public record ReconcileRunList(List<ReconcileRun> items) {}

  private final ReconcileService reconcile;
  private final ReconcileRuns runs;
  private final Clock clock;

  public AdminPaymentController(ReconcileService reconcile, ReconcileRuns runs, Clock clock) {
    this.reconcile = reconcile;
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * Runs reconciliation now over payments changed since {@code since} (default: the last 48 hours), recorded as a
   * MANUAL run; 503 PROVIDER_UNAVAILABLE (and a FAILED run) when the provider cannot be reached.
   */
  @PostMapping("/api/admin/payments/reconcile")
  public ReconcileReport reconcile(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
      Caller caller) {
    return reconcile.reconcile(since != null ? since : clock.instant().minus(Duration.ofHours(48)),
        ReconcileRun.Trigger.MANUAL, caller.userId());
  }

  /** The recorded runs, scheduled and manual, newest first (limit 1..100, default 20), each with its issues. */
  @GetMapping("/api/admin/payments/reconciliations")
  public ReconcileRunList reconciliations(@RequestParam(required = false) Integer limit) {
    return new ReconcileRunList(runs.newest(PageRequest.bounded("limit", limit, DEFAULT_RUNS, MAX_RUNS)));
  }
}
