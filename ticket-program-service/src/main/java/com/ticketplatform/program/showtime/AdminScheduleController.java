package com.ticketplatform.program.showtime;

import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the admin console reads to plan showtimes (ADMIN only, as all of {@code /api/admin/**}): the program list
 * from the database with each program's showtimes counted, and a hall's timetable.
 */
@RestController
public class AdminScheduleController {

  private final AdminProgramList programs;
  private final HallTimetables timetables;

  public AdminScheduleController(AdminProgramList programs, HallTimetables timetables) {
    this.programs = programs;
    this.timetables = timetables;
  }

  /**
   * Programs newest first; {@code q} matches the title ignoring case, {@code status} is a
   * {@link ProgramScheduleStatus}; size 1..100 (default 20).
   */
  @GetMapping("/api/admin/programs")
  public CursorPage<ProgramListItem> adminPrograms(@RequestParam(required = false) String q,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) ProgramScheduleStatus status,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
    return programs.list(q, category, status, PageRequest.of(cursor, size));
  }

  /** Showtimes in the hall meeting [from, to): from defaults to now, to to from + 7 days; at most 62 days. */
  @GetMapping("/api/admin/halls/{hallId}/showtimes")
  public HallTimetable hallTimetable(@PathVariable long hallId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
    return timetables.of(hallId, from, to);
  }
}
