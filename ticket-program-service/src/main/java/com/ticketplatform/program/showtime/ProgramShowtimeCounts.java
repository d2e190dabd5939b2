package com.ticketplatform.program.showtime;

import java.time.Instant;

/** The showtime figures of one program ({@link ShowtimeMapper#countsOfPrograms}). */
public class ProgramShowtimeCounts {
  public Long programId;
  public Long showtimeCount;
  public Long onSaleCount;
  public Instant nextStart;
}
