package com.ticketplatform.client.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * status: SCHEDULED (not yet on sale), ON_SALE, CANCELLED, FINISHED. Only ON_SALE showtimes before {@code startsAt}
 * can be bought. {@code realNameCap}: 0 when tickets are not named; n > 0 when each ticket names one of the buyer's
 * ticket holders and one ID number may hold at most n tickets of the showtime, across all accounts.
 */
public record ShowtimeSaleInfo(long showtimeId, long programId, long cinemaId, long hallId, String programTitle,
    String status, Instant startsAt, String currency, List<SeatPrice> seats, Integer realNameCap) {

  /** Absent from a program service older than real names (JSON without it): unnamed tickets. */
  public ShowtimeSaleInfo {
    realNameCap = realNameCap == null ? 0 : realNameCap;
  }

  /** A showtime whose tickets are not named. */
  public ShowtimeSaleInfo(long showtimeId, long programId, long cinemaId, long hallId, String programTitle,
      String status, Instant startsAt, String currency, List<SeatPrice> seats) {
    this(showtimeId, programId, cinemaId, hallId, programTitle, status, startsAt, currency, seats, 0);
  }

  /** The same showtime with only these seats. */
  public ShowtimeSaleInfo withSeats(List<SeatPrice> only) {
    return new ShowtimeSaleInfo(showtimeId, programId, cinemaId, hallId, programTitle, status, startsAt, currency,
        only, realNameCap);
  }

  public record SeatPrice(long seatId, String label, String tier, BigDecimal price) {}
}
