package com.ticketplatform.program.search;

import com.ticketplatform.program.program.Program;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Builds a program's search document from MySQL, the truth; empty when the program no longer exists. */
@Component
public class ProgramDocuments {

  private final SearchSourceMapper source;
  private final Clock clock;

  public ProgramDocuments(SearchSourceMapper source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  public Optional<ProgramDocument> build(long programId, long version) {
    Program program = source.program(programId);
    if (program == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    List<ProgramDocument.Showing> showings = source.upcomingShowings(programId, now).stream()
        .map(r -> new ProgramDocument.Showing(r.showtimeId, r.startsAt, r.cinemaId, r.cinemaName, r.city))
        .toList();
    List<String> cast = program.castMembers == null || program.castMembers.isEmpty() ? List.of()
        : List.of(program.castMembers.split("\n"));
    return Optional.of(new ProgramDocument(program.id, program.title, program.description, cast, program.category,
        program.durationMinutes == null ? 0 : program.durationMinutes, program.rating, program.posterUrl,
        showings.stream().map(ProgramDocument.Showing::city).distinct().sorted().toList(),
        showings.stream().map(ProgramDocument.Showing::cinemaName).distinct().sorted().toList(),
        showings, showings.isEmpty() ? null : showings.get(0).startsAt(), version));
  }

  public List<Long> programIdsAfter(long afterId, int limit) {
    return source.programIdsAfter(afterId, limit);
  }

  public long countPrograms() {
    return source.countPrograms();
  }
}
