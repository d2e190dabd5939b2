package com.ticketplatform.program.showtime;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.program.program.Category;
import com.ticketplatform.program.program.Program;
import com.ticketplatform.program.program.ProgramService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin list of programs, read from the database (never the search index), so a program shows the moment it is
 * created: newest first by id, a cursor per page, each program with its showtimes counted in one grouped statement
 * for the whole page. Filters and counts read the same instant, so a program's figures match the bucket it is in.
 */
@Service
public class AdminProgramList {

  private final ShowtimeMapper showtimes;
  private final Clock clock;

  public AdminProgramList(ShowtimeMapper showtimes, Clock clock) {
    this.showtimes = showtimes;
    this.clock = clock;
  }

  // one read view for the page and its counts, so a program's figures match the bucket it was filtered into
  @Transactional(readOnly = true)
  public CursorPage<ProgramListItem> list(String q, String category, ProgramScheduleStatus status, PageRequest page) {
    String titleLike = q == null || q.isBlank() ? null
        : "%" + ProgramService.escapeLike(q.trim().toLowerCase(Locale.ROOT)) + "%";
    String categoryName = null;
    if (category != null && !category.isBlank()) {
      if (!Category.isKnown(category.trim())) {
        throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "unknown category " + category);
      }
      categoryName = category.trim();
    }
    Instant now = clock.instant();
    List<Program> rows = showtimes.programPage(page.afterLong(), titleLike, categoryName,
        status == null ? null : status.name(), now, page.size() + 1);
    Map<Long, ProgramShowtimeCounts> counts = rows.isEmpty() ? Map.of()
        : showtimes.countsOfPrograms(rows.stream().map(p -> p.id).toList(), now).stream()
            .collect(Collectors.toMap(c -> c.programId, Function.identity()));
    List<ProgramListItem> items = rows.stream().map(p -> item(p, counts.get(p.id))).toList();
    return page.page(items, item -> Long.toString(item.programId()));
  }

  private static ProgramListItem item(Program p, ProgramShowtimeCounts counts) {
    if (counts == null) {
      return new ProgramListItem(p.id, p.title, p.category, p.durationMinutes, p.posterUrl, p.rating, 0, 0, null);
    }
    return new ProgramListItem(p.id, p.title, p.category, p.durationMinutes, p.posterUrl, p.rating,
        counts.showtimeCount, counts.onSaleCount == null ? 0 : counts.onSaleCount, counts.nextStart);
  }
}
