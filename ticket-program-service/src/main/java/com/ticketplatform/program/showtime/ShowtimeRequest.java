package com.ticketplatform.program.showtime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * prices: tier name (A, B, C) → price; every tier the hall uses needs one. currency defaults to CNY. realNameCap: 0 or
 * absent for unnamed tickets; n (1..10) makes every ticket name one of the buyer's ticket holders, one ID number at most
 * n tickets of the showtime across all accounts (docs/ARCHITECTURE.md §12).
 */
public record ShowtimeRequest(@NotNull Long programId, @NotNull Long hallId, @NotNull Instant startsAt,
    @NotNull Map<String, BigDecimal> prices, @Size(min = 3, max = 3) String currency,
    @Min(0) @Max(ShowtimeRequest.MAX_REAL_NAME_CAP) Integer realNameCap) {

  public static final int MAX_REAL_NAME_CAP = 10;

  public ShowtimeRequest(Long programId, Long hallId, Instant startsAt, Map<String, BigDecimal> prices,
      String currency) {
    this(programId, hallId, startsAt, prices, currency, null);
  }
}
