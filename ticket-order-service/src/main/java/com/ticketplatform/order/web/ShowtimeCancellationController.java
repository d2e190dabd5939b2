package com.ticketplatform.order.web;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.web.Caller;
import com.ticketplatform.order.cancellation.ShowtimeCancellations;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins see whom a cancel would affect before they cancel, then watch a cancelled showtime's orders being cancelled and
 * refunded (docs/ARCHITECTURE.md §2).
 */
@RestController
public class ShowtimeCancellationController {

  private final ShowtimeCancellations cancellations;

  public ShowtimeCancellationController(ShowtimeCancellations cancellations) {
    this.cancellations = cancellations;
  }

  @Operation(summary = "How far the orders of a cancelled showtime are settled: orders by status, finished when "
      + "none is left unpaid, paid or waiting for its refund")
  @GetMapping("/api/admin/orders/showtimes/{showtimeId}/cancellation")
  public ShowtimeCancellations.Progress progress(Caller caller, @PathVariable long showtimeId) {
    caller.requireAdmin();
    return cancellations.progress(showtimeId).orElseThrow(() -> ApiException.notFound("cancellation"));
  }

  @Operation(summary = "Who a cancel of the showtime would affect, from its orders now: orders and distinct buyers by"
      + " status; the paid orders a cancel refunds (with the amount) and the unpaid ones it cancels")
  @GetMapping("/api/admin/orders/showtimes/{showtimeId}/impact")
  public ShowtimeCancellations.ShowtimeImpact impact(Caller caller, @PathVariable long showtimeId) {
    caller.requireAdmin();
    return cancellations.impact(showtimeId);
  }
}
