package com.ticketplatform.pay.web;

import com.ticketplatform.pay.reconcile.ReconcileReport;
import com.ticketplatform.pay.reconcile.ReconcileService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AdminPaymentController {

  private final ReconcileService reconcile;
  private final Clock clock;

  public AdminPaymentController(ReconcileService reconcile, Clock clock) {
    this.reconcile = reconcile;
    this.clock = clock;
  }

  /** Runs reconciliation now (ADMIN: see AdminRoutesGuard) over payments changed since {@code since} (default: the last 48 hours). */
  @PostMapping("/api/admin/payments/reconcile")
  public ReconcileReport reconcile(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since) {
    return reconcile.reconcile(since != null ? since : clock.instant().minus(Duration.ofHours(48)));
  }
}
