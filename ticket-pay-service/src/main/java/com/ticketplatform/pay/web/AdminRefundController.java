package com.ticketplatform.pay.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.pay.refund.RefundMapper;
import com.ticketplatform.pay.refund.RefundRow;
import com.ticketplatform.pay.refund.RefundService;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refunds the provider has not confirmed (REQUESTED), for admins (ADMIN: see AdminRoutesGuard), and their retry
 * through the same path reconciliation takes ({@link RefundService#retry}).
 */
@RestController
public class AdminRefundController {

  static final long DEFAULT_OLDER_THAN_SECONDS = 30;
  static final long MAX_OLDER_THAN_SECONDS = Duration.ofDays(90).toSeconds();
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  /** kind: CUSTOMER or LATE_PAYMENT; status: REQUESTED, SUCCEEDED or FAILED. */
  public record RefundView(long refundId, long orderNo, String paymentId, String kind, BigDecimal amount,
      String currency, @Schema(nullable = true) String reason, String status, Instant createdAt, Instant updatedAt) {

    static RefundView of(RefundRow row) {
      return new RefundView(row.id, row.orderNo, row.paymentId, row.kind, row.amount, row.currency, row.reason,
          row.status, row.createdAt, row.updatedAt);
    }
  }

  /** The longest waiting first; {@code total} counts every refund that matches. */
  public record UnconfirmedRefunds(long total, List<RefundView> items) {}

  private final RefundMapper refunds;
  private final RefundService refundService;
  private final Clock clock;

  public AdminRefundController(RefundMapper refunds, RefundService refundService, Clock clock) {
    this.refunds = refunds;
    this.refundService = refundService;
    this.clock = clock;
  }

  /**
   * Refunds still REQUESTED, unchanged for at least {@code olderThanSeconds} (0..7776000, default 30: what
   * reconciliation waits before it sends one again), the longest waiting first (limit 1..200, default 50).
   */
  @GetMapping("/api/admin/payments/refunds/unconfirmed")
  public UnconfirmedRefunds unconfirmed(@RequestParam(required = false) Long olderThanSeconds,
      @RequestParam(required = false) Integer limit) {
    long age = olderThanSeconds == null ? DEFAULT_OLDER_THAN_SECONDS : olderThanSeconds;
    if (age < 0 || age > MAX_OLDER_THAN_SECONDS) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED,
          "olderThanSeconds must be between 0 and " + MAX_OLDER_THAN_SECONDS);
    }
    int effective = PageRequest.bounded("limit", limit, DEFAULT_LIMIT, MAX_LIMIT);
    Instant before = clock.instant().minusSeconds(age);
    return new UnconfirmedRefunds(refunds.countUnconfirmed(before),
        refunds.unconfirmed(before, effective).stream().map(RefundView::of).toList());
  }

  /**
   * Sends a REQUESTED refund to the provider again: 202 with the refund as it stands afterwards (SUCCEEDED, or still
   * REQUESTED while the provider is unreachable); 404 for no such refund; 409 REFUND_NOT_RETRYABLE otherwise.
   */
  @PostMapping("/api/admin/payments/refunds/{refundId}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public RefundView retry(@PathVariable long refundId) {
    return RefundView.of(refundService.retry(refundId));
  }
}
