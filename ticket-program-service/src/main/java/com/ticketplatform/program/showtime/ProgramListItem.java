package com.ticketplatform.program.showtime;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A program in the admin list, with its showtimes counted ({@link ProgramScheduleStatus} says which count what).
 *
 * @param showtimeCount every showtime of the program, whatever its status
 * @param onSaleCount its showtimes a buyer can order now: ON_SALE and not started
 * @param nextStart the earliest start still ahead of a scheduled or on-sale showtime
 */
public record ProgramListItem(long programId, String title, String category, int durationMinutes,
    @Schema(nullable = true) String posterUrl, String rating, long showtimeCount, long onSaleCount,
    @Schema(nullable = true) Instant nextStart) {}
