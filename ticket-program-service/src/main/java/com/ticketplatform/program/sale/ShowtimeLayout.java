package com.ticketplatform.program.sale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The static part of a showtime's seat map: hall geometry and every seat with its price. Cached; it cannot change
 * while the showtime is on sale (the hall's seat map and the prices are frozen then).
 */
public record ShowtimeLayout(long showtimeId, long programId, String programTitle, long cinemaId, String cinemaName,
    String timeZone, long hallId, String hallName, Instant startsAt, Instant endsAt, String status, String currency,
    int rows, int cols, List<LayoutSeat> seats, Integer realNameCap) {

  /**
   * A layout cached before real names existed reads as unnamed, and one cached before cinemas had zones as
   * Asia/Shanghai, where they all were. The seats are read-only: one layout serves many requests at once (it is
   * kept near, in memory).
   */
  public ShowtimeLayout {
    seats = List.copyOf(seats);
    realNameCap = realNameCap == null ? 0 : realNameCap;
    timeZone = timeZone == null ? "Asia/Shanghai" : timeZone;
  }

  public record LayoutSeat(long seatId, int row, int col, String label, String type, String tier,
      BigDecimal price) {}
}
