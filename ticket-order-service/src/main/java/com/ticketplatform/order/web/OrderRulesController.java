package com.ticketplatform.order.web;

import com.ticketplatform.order.order.RefundPolicy;
import com.ticketplatform.order.placement.PlacementProperties;
import com.ticketplatform.order.seat.SeatProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules a buyer orders under, as this service enforces them (docs/ARCHITECTURE.md §2), so a client explains them
 * before they bite instead of mirroring the configuration. Public: the seat map is shown to anyone.
 */
@RestController
public class OrderRulesController {

  /** Durations in whole seconds. */
  public record OrderRules(
      @Schema(description = "most seats one buyer may hold (held or bought) in one showtime") int seatLimit,
      @Schema(description = "how long an unpaid order holds its seats") long paymentWindowSeconds,
      @Schema(description = "refunds close this long before the show") long refundClosesBeforeStartSeconds,
      @Schema(description = "after the cinema moves a showtime, its buyers may refund up to the new start for this"
          + " long") long refundAfterMoveSeconds) {}

  private final OrderRules rules;

  public OrderRulesController(SeatProperties seats, PlacementProperties placement, RefundPolicy refunds) {
    this.rules = new OrderRules(seats.seatLimit(), seconds(placement.paymentWindow()),
        seconds(refunds.closesBeforeStart()), seconds(refunds.afterMove()));
  }

  @GetMapping("/api/orders/rules")
  public ResponseEntity<OrderRules> orderRules() {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(rules);
  }

  private static long seconds(Duration duration) {
    return duration.toSeconds();
  }
}
