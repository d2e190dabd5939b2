package com.ticketplatform.program.showtime;

import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the admin console reads to plan showtimes (ADMIN only, as all of {@code /api/admin/**}): the program list
 * from the database with each program's showtimes counted.
 */
@RestController
public class AdminScheduleController {

  private final AdminProgramList programs;

  public AdminScheduleController(AdminProgramList programs) {
    this.programs = programs;
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
}
