package com.ticketplatform.program.sale;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The public seat map: rows of seats with live status AVAILABLE, LOCKED or SOLD while the showtime is on sale, and
 * UNAVAILABLE when it is not (scheduled, cancelled, finished). Gaps and aisles are absent positions. {@code timeZone} is
 * the cinema's IANA zone, which its times are shown in (docs/ARCHITECTURE.md §6).
 */
public record SeatMapView(long showtimeId, long programId, String programTitle, long cinemaId, String cinemaName,
    @Schema(example = "Asia/Shanghai") String timeZone, long hallId, String hallName, Instant startsAt, String status, String currency, int rowCount, int colCount,
    List<SeatRow> rows, int realNameCap) {

  /** A row's seats, each written once per showtime and status ({@link RenderedSeats}), documented as seat views. */
  public record SeatRow(int row, String label,
      @ArraySchema(schema = @Schema(implementation = SeatView.class)) List<RenderedSeats.Seat> seats) {}

  /**
   * One seat as the buyer sees it: its price in the showtime's currency and its live status. Named apart from the
   * hall's seat ({@code HallView.SeatView}) so the public document describes both shapes.
   */
  @Schema(name = "SeatMapSeat")
  public record SeatView(long seatId, int row, int col, String label, String type, String tier, BigDecimal price,
      String status) {}
}
