package com.ticketplatform.order.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * {@code holderIds}: on a real-name showtime (its {@code realNameCap} above 0), one of the buyer's ticket holders per
 * seat, in the order of {@code seatIds}; absent otherwise (docs/ARCHITECTURE.md §12).
 */
public record PlaceOrderRequest(@NotNull @Positive Long showtimeId, @NotEmpty List<@NotNull @Positive Long> seatIds,
    @Schema(nullable = true) List<@NotNull @Positive Long> holderIds) {

  public PlaceOrderRequest(Long showtimeId, List<Long> seatIds) {
    this(showtimeId, seatIds, null);
  }
}
