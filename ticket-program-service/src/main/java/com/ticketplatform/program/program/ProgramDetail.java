package com.ticketplatform.program.program;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A program with its showtimes that have not started yet (cached as a whole; see ProgramService#detail). */
public record ProgramDetail(long programId, String title, String category, int durationMinutes, String rating,
    String posterUrl, String description, List<String> cast, List<ShowtimeSummary> showtimes) {

  /**
   * One showtime with its cinema; {@code timeZone} is the cinema's IANA zone, which its times are shown in
   * (docs/ARCHITECTURE.md §6). A detail cached before cinemas had zones reads as Asia/Shanghai, as they all were.
   */
  public record ShowtimeSummary(long showtimeId, long cinemaId, String cinemaName, String city, String address,
      @Schema(example = "Asia/Shanghai") String timeZone, long hallId, String hallName, Instant startsAt,
      Instant endsAt, String status, String currency, Map<String, BigDecimal> prices) {

    public ShowtimeSummary {
      timeZone = timeZone == null ? "Asia/Shanghai" : timeZone;
    }
  }

  ProgramDetail withShowtimes(List<ShowtimeSummary> showtimes) {
    return new ProgramDetail(programId, title, category, durationMinutes, rating, posterUrl, description, cast,
        showtimes);
  }
}
