package com.ticketplatform.order.web;

import com.ticketplatform.order.intake.IntentLedger;
import com.ticketplatform.order.intake.Rejection;
import com.ticketplatform.order.placement.OrderIntent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * An accepted order before it is placed (docs/ARCHITECTURE.md §2 "Accepted orders"): {@code PENDING} while it waits,
 * {@code REJECTED} with the problem the buyer would have had from a direct order. Once placed, the order is shown as
 * any other ({@link OrderView}).
 */
public record AcceptedOrderView(long orderNo,
    @Schema(allowableValues = {"PENDING", "REJECTED"}) String status, long showtimeId, List<Long> seatIds,
    Instant acceptedAt,
    @Schema(nullable = true, description = "when REJECTED: why (status, code, detail and the problem's members)")
    Rejection rejection) {

  static AcceptedOrderView pending(OrderIntent intent) {
    return new AcceptedOrderView(intent.orderNo(), "PENDING", intent.showtimeId(), intent.seatIds(),
        intent.acceptedAt(), null);
  }

  static AcceptedOrderView of(IntentLedger.State state) {
    boolean rejected = state.status() == IntentLedger.Status.REJECTED;
    return new AcceptedOrderView(state.intent().orderNo(), rejected ? "REJECTED" : "PENDING",
        state.intent().showtimeId(), state.intent().seatIds(), state.intent().acceptedAt(),
        rejected ? state.rejection() : null);
  }
}
