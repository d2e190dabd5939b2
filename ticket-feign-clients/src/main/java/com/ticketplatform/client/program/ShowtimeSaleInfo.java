package com.ticketplatform.client.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * status: SCHEDULED (not yet on sale), ON_SALE, CANCELLED, FINISHED. Only ON_SALE showtimes before {@code startsAt}
 * can be bought.
 */
public record ShowtimeSaleInfo(long showtimeId, long programId, long cinemaId, long hallId, String programTitle,
    String status, Instant startsAt, String currency, List<SeatPrice> seats) {

  public record SeatPrice(long seatId, String label, String tier, BigDecimal price) {}
}
