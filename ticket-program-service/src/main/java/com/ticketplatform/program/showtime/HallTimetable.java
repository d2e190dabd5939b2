package com.ticketplatform.program.showtime;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A hall's timetable: every showtime of every program whose slot in the hall meets the asked window, soonest first.
 *
 * @param timeZone the cinema's IANA zone, the one its times are shown in
 * @param cleaningBufferSeconds the time a hall needs between two showtimes, as the overlap check adds it
 */
public record HallTimetable(long hallId, String hallName, @Schema(example = "Asia/Shanghai", nullable = true) String timeZone,
    long cleaningBufferSeconds, List<HallTimetableItem> items) {

  /**
   * One showtime. {@code endsAt} is its start plus its program's running time; {@code occupiedUntil} is the end of
   * its slot as the overlap check ({@code SHOWTIME_OVERLAP}) compares it, the running time plus the cleaning buffer
   * when it was scheduled or moved. {@code occupiesHall} is false for a cancelled showtime: the check ignores it.
   */
  public record HallTimetableItem(long showtimeId, long programId, @Schema(nullable = true) String programTitle, Instant startsAt,
      Instant endsAt, Instant occupiedUntil, String status, boolean occupiesHall) {}
}
