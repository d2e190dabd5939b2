package com.ticketplatform.order.placement;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.order.order.OrderErrors;
import com.ticketplatform.order.seat.SeatRefusal;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The one place a seat refusal of the domain becomes the problem a client sees: answered at once to a direct order,
 * kept with an accepted one that was refused.
 */
public final class SeatProblems {

  private SeatProblems() {}

  public static ApiException of(SeatRefusal refusal) {
    return switch (refusal.reason()) {
      case TAKEN -> new ApiException(HttpStatus.CONFLICT, OrderErrors.SEATS_TAKEN,
          "some of the requested seats are no longer available", Map.of("seatIds", refusal.seatIds()));
      case UNKNOWN -> new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, OrderErrors.UNKNOWN_SEATS,
          "seats are not part of this showtime", Map.of("seatIds", refusal.seatIds()));
      case OVER_LIMIT -> refusal.held() < 0
          ? new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, OrderErrors.SEAT_LIMIT_EXCEEDED,
              "at most " + refusal.limit() + " seats per order", Map.of("limit", refusal.limit()))
          : new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, OrderErrors.SEAT_LIMIT_EXCEEDED,
              "at most " + refusal.limit() + " seats per buyer and showtime; you already hold " + refusal.held(),
              Map.of("limit", refusal.limit(), "held", refusal.held()));
      case HOLDER_CAP_REACHED -> new ApiException(HttpStatus.CONFLICT, OrderErrors.HOLDER_CAP_REACHED,
          "the person named on " + (refusal.seatIds().size() == 1 ? "a ticket" : "some tickets") + " already holds "
              + refusal.limit() + (refusal.limit() == 1 ? " ticket" : " tickets") + " of this showtime",
          Map.of("seatIds", refusal.seatIds(), "limit", refusal.limit()));
      case INVENTORY_UNAVAILABLE -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, OrderErrors.INVENTORY_UNAVAILABLE,
          "seat inventory of this showtime is not available right now; try again shortly");
    };
  }
}
