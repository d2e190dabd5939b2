package com.ticketplatform.program.sale;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The live part of a seat map alone, for a buyer who has the map already and only needs to know what changed
 * (docs/ARCHITECTURE.md §4). {@code grid} has one string per row of the hall (row 1 first) and one character
 * per column (column 1 first), the same rows and columns as the seat map's seats: {@code A} available, {@code L} locked,
 * {@code S} sold, {@code U} unavailable (the showtime is not on sale), {@code .} no seat there (a gap or an aisle). A
 * 2,000-seat hall is ~2 KB where its seat map is ~250 KB.
 */
public record SeatAvailability(long showtimeId, String status, int rowCount, int colCount,
    @ArraySchema(schema = @Schema(example = "AALS.AA")) List<String> grid) {

  static final char AVAILABLE = 'A';
  static final char LOCKED = 'L';
  static final char SOLD = 'S';
  static final char UNAVAILABLE = 'U';
  static final char NO_SEAT = '.';

  /** The grid character of a seat map status (AVAILABLE, LOCKED, SOLD, UNAVAILABLE). */
  static char codeOf(String status) {
    return switch (status) {
      case "AVAILABLE" -> AVAILABLE;
      case "LOCKED" -> LOCKED;
      case "SOLD" -> SOLD;
      default -> UNAVAILABLE;
    };
  }
}
