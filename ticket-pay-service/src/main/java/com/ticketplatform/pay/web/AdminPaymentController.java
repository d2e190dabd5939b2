package com.ticketplatform.pay.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.AuthHeaders;
import com.ticketplatform.pay.reconcile.ReconcileReport;
import com.ticketplatform.pay.reconcile.ReconcileService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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

  /** Runs reconciliation now over payments changed since {@code since} (default: the last 48 hours). */
  @PostMapping("/api/admin/payments/reconcile")
  public ReconcileReport reconcile(
      @RequestHeader(name = AuthHeaders.USER_ID, required = false) String userId,
      @RequestHeader(name = AuthHeaders.USER_ROLES, required = false) String roles,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since) {
    if (userId == null || userId.isBlank()) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "authentication required");
    }
    if (roles == null || Arrays.stream(roles.split(",")).map(String::trim).noneMatch(AuthHeaders.ROLE_ADMIN::equals)) {
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "administrators only");
    }
    return reconcile.reconcile(since != null ? since : clock.instant().minus(Duration.ofHours(48)));
  }
}
