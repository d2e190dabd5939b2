package com.ticketplatform.program.showtime;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The showtime's new start (docs/ARCHITECTURE.md §2); hall, program and prices stay. */
public record ShowtimeReschedule(@NotNull Instant startsAt) {}
