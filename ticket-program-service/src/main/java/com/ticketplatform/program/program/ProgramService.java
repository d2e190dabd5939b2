package com.ticketplatform.program.program;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.common.web.CursorPage;
import com.ticketplatform.common.web.PageRequest;
import com.ticketplatform.program.cache.CatalogueCache;
import com.ticketplatform.program.cache.IdBloomFilters;
import com.ticketplatform.program.event.ProgramEventPublisher;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProgramService {

  public static final String PROGRAM_HAS_SHOWTIMES = "PROGRAM_HAS_SHOWTIMES";
  static final String CACHE = "program-detail";

  private final ProgramMapper programs;
  private final ProgramShowtimes showtimes;
  private final CatalogueCache cache;
  private final IdBloomFilters bloom;
  private final ProgramEventPublisher events;
  private final ApplicationEventPublisher applicationEvents;
  private final SnowflakeIdGenerator ids;
  private final Clock clock;

  public ProgramService(ProgramMapper programs, ProgramShowtimes showtimes, CatalogueCache cache,
      IdBloomFilters bloom, ProgramEventPublisher events, ApplicationEventPublisher applicationEvents,
      SnowflakeIdGenerator ids, Clock clock) {
    this.programs = programs;
    this.showtimes = showtimes;
    this.cache = cache;
    this.bloom = bloom;
    this.events = events;
    this.applicationEvents = applicationEvents;
    this.ids = ids;
    this.clock = clock;
  }

  @Transactional
  public long create(ProgramRequest request, IdempotencyRecords.Recorder recorder) {
    Instant now = clock.instant();
    Program program = new Program();
    program.id = ids.nextId();
    apply(program, request);
    program.createdAt = now;
    program.updatedAt = now;
    programs.insert(program);
    // before commit: the filter must never lack an id that exists
    bloom.addProgram(program.id);
    events.programChanged(program.id);
    recorder.created(program.id);
    return program.id;
  }

  /** The admin view reads the database, never the cache: an editor must see what is stored. */
  public ProgramDetail get(long programId) {
    return load(programId, true).orElseThrow(() -> ApiException.notFound("program " + programId));
  }

  @Transactional
  public ProgramDetail update(long programId, ProgramRequest request) {
    Program program = programs.selectById(programId);
    if (program == null) {
      throw ApiException.notFound("program " + programId);
    }
    String oldTitle = program.title;
    apply(program, request);
    program.updatedAt = clock.instant();
    programs.updateById(program);
    events.programChanged(programId);
    if (!oldTitle.equals(program.title)) {
      // seat maps and sale info carry the title too
      applicationEvents.publishEvent(new ProgramRetitled(programId));
    }
    return load(programId, true).orElseThrow();
  }

  @Transactional
  public void delete(long programId) {
    if (programs.selectById(programId) == null) {
      throw ApiException.notFound("program " + programId);
    }
    if (showtimes.existFor(programId)) {
      throw ApiException.conflict(PROGRAM_HAS_SHOWTIMES, "the program has showtimes; cancel them instead");
    }
    programs.deleteById(programId);
    events.programChanged(programId);
  }

  /**
   * Public detail. Unknown ids stop at the Bloom filter; known ones come from the cache, rebuilt by one caller at a
   * time. Showtimes that started since the entry was cached are dropped here, so a cached entry never offers them.
   */
  public ProgramDetail detail(long programId) {
    if (!bloom.mightBeProgram(programId)) {
      throw ApiException.notFound("program " + programId);
    }
    ProgramDetail cached = cache.getOrLoad(CACHE, cache.programDetailKey(programId), ProgramDetail.class,
            () -> load(programId, false))
        .orElseThrow(() -> ApiException.notFound("program " + programId));
    Instant now = clock.instant();
    return cached.withShowtimes(cached.showtimes().stream().filter(s -> s.startsAt().isAfter(now)).toList());
  }

  public CursorPage<ProgramSummary> search(String keyword, String city, String category, PageRequest page) {
    QueryWrapper<Program> query = new QueryWrapper<Program>()
        .select("id", "title", "category", "duration_minutes", "rating", "poster_url");
    Long after = page.afterLong();
    if (after != null) {
      query.lt("id", after);
    }
    if (keyword != null && !keyword.isBlank()) {
      String like = "%" + escapeLike(keyword.trim()) + "%";
      query.and(q -> q.apply("title LIKE {0}", like).or().apply("cast_members LIKE {0}", like));
    }
    if (category != null && !category.isBlank()) {
      if (!Category.isKnown(category)) {
        throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "unknown category " + category);
      }
      query.eq("category", category);
    }
    if (city != null && !city.isBlank()) {
      query.apply("EXISTS (SELECT 1 FROM showtime s JOIN cinema c ON c.id = s.cinema_id"
          + " WHERE s.program_id = program.id AND c.city = {0} AND s.status IN ('SCHEDULED', 'ON_SALE')"
          + " AND s.starts_at > {1})", city.trim(), clock.instant());
    }
    query.orderByDesc("id").last("LIMIT " + (page.size() + 1));
    List<ProgramSummary> rows = programs.selectList(query).stream().map(ProgramSummary::of).toList();
    return page.page(rows, p -> Long.toString(p.programId()));
  }

  Optional<ProgramDetail> load(long programId, boolean includePast) {
    Program program = programs.selectById(programId);
    if (program == null) {
      return Optional.empty();
    }
    List<ProgramDetail.ShowtimeSummary> summaries = showtimes.notEndedBy(programId,
        includePast ? Instant.EPOCH : clock.instant());
    return Optional.of(new ProgramDetail(program.id, program.title, program.category, program.durationMinutes,
        program.rating, program.posterUrl, program.description, castOf(program), summaries));
  }

  private static void apply(Program program, ProgramRequest request) {
    program.title = request.title().trim();
    program.category = request.category().name();
    program.durationMinutes = request.durationMinutes();
    program.rating = request.rating().trim();
    program.posterUrl = request.posterUrl();
    program.description = request.description();
    program.castMembers = request.cast() == null ? null
        : request.cast().stream().map(String::trim).collect(Collectors.joining("\n"));
  }

  private static List<String> castOf(Program program) {
    return program.castMembers == null || program.castMembers.isEmpty() ? List.of()
        : List.of(program.castMembers.split("\n"));
  }

  /** Escapes LIKE wildcards (backslash, MariaDB's default escape character). */
  public static String escapeLike(String raw) {
    return raw.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
