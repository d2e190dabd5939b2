package com.ticketplatform.program.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A program with its showtimes that have not started yet (cached as a whole; see ProgramService#detail). */
public record ProgramDetail(long programId, String title, String category, int durationMinutes, String rating,
    String posterUrl, String description, List<String> cast, List<ShowtimeSummary> showtimes) {

  public record ShowtimeSummary(long showtimeId, long cinemaId, String cinemaName, String city, String address,
      long hallId, String hallName, Instant startsAt, Instant endsAt, String status, String currency,
      Map<String, BigDecimal> prices) {}

  ProgramDetail withShowtimes(List<ShowtimeSummary> showtimes) {
    return new ProgramDetail(programId, title, category, durationMinutes, rating, posterUrl, description, cast,
        showtimes);
  }
}
