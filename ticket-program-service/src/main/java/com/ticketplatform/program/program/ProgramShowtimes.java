package com.ticketplatform.program.program;

import java.time.Instant;
import java.util.List;

/**
 * The showtimes of a program, as far as the program's detail and its deletion need them. Showtimes build on
 * programs, not the reverse, so the showtime feature implements this (docs/ARCHITECTURE.md §5).
 */
public interface ProgramShowtimes {

  /** Whether the program has a showtime, whatever its status. */
  boolean existFor(long programId);

  /**
   * The program's showtimes that have not ended by {@code now} ({@link Instant#EPOCH}: all of them), soonest first
   * and at most 500, with their cinema and hall; one whose cinema or hall is gone is left out.
   */
  List<ProgramDetail.ShowtimeSummary> notEndedBy(long programId, Instant now);
}
