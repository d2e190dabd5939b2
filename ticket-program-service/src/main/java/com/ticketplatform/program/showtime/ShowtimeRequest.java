package com.ticketplatform.program.showtime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** prices: tier name (A, B, C) → price; every tier the hall uses needs one. currency defaults to CNY. */
public record ShowtimeRequest(@NotNull Long programId, @NotNull Long hallId, @NotNull Instant startsAt,
    @NotNull Map<String, BigDecimal> prices, @Size(min = 3, max = 3) String currency) {}
