package com.ticketplatform.program.showtime;

import java.time.Instant;

/** A showtime of a hall's timetable with its program's title and running time ({@link ShowtimeMapper}). */
public class TimetableRow {
  public Long id;
  public Long programId;
  public Instant startsAt;
  /** As stored: start + running time + cleaning buffer, what the overlap check compares against. */
  public Instant endsAt;
  public String status;
  public String programTitle;
  public Integer durationMinutes;
}
