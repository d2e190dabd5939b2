package com.ticketplatform.program.showtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

public record ShowtimeView(long showtimeId, long programId, long cinemaId, long hallId, Instant startsAt,
    Instant endsAt, String status, String currency, Map<String, BigDecimal> prices,
    int realNameCap) {

  static ShowtimeView of(Showtime s) {
    return new ShowtimeView(s.id, s.programId, s.cinemaId, s.hallId, s.startsAt, s.endsAt, s.status, s.currency,
        s.prices().asMap(),
        s.realNameCap == null ? 0 : s.realNameCap);
  }
}
