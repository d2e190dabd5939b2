package com.ticketplatform.program.showtime;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.ticketplatform.program.cinema.Cinema;
import com.ticketplatform.program.cinema.CinemaMapper;
import com.ticketplatform.program.cinema.CinemaView;
import com.ticketplatform.program.event.ProgramEventPublisher;
import com.ticketplatform.program.hall.Hall;
import com.ticketplatform.program.hall.HallMapper;
import com.ticketplatform.program.program.ProgramDetail;
import com.ticketplatform.program.program.ProgramRetitled;
import com.ticketplatform.program.program.ProgramShowtimes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The showtimes of a program as the program's detail lists them, and as a change to the program affects them. */
@Component
class ShowtimesOfProgram implements ProgramShowtimes {

  private final ShowtimeMapper showtimes;
  private final CinemaMapper cinemas;
  private final HallMapper halls;
  private final ProgramEventPublisher events;
  private final Clock clock;

  ShowtimesOfProgram(ShowtimeMapper showtimes, CinemaMapper cinemas, HallMapper halls, ProgramEventPublisher events,
      Clock clock) {
    this.showtimes = showtimes;
    this.cinemas = cinemas;
    this.halls = halls;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public boolean existFor(long programId) {
    return showtimes.selectCount(new QueryWrapper<Showtime>().eq("program_id", programId)) > 0;
  }

  @Override
  public List<ProgramDetail.ShowtimeSummary> notEndedBy(long programId, Instant now) {
    List<Showtime> upcoming = showtimes.upcomingOfProgram(programId, now);
    Map<Long, Cinema> cinemaById = upcoming.isEmpty() ? Map.of()
        : cinemas.selectBatchIds(upcoming.stream().map(s -> s.cinemaId).distinct().toList()).stream()
            .collect(Collectors.toMap(c -> c.id, Function.identity()));
    Map<Long, Hall> hallById = upcoming.isEmpty() ? Map.of()
        : halls.selectBatchIds(upcoming.stream().map(s -> s.hallId).distinct().toList()).stream()
            .collect(Collectors.toMap(h -> h.id, Function.identity()));
    return upcoming.stream()
        .filter(s -> cinemaById.containsKey(s.cinemaId) && hallById.containsKey(s.hallId))
        .map(s -> {
          Cinema c = cinemaById.get(s.cinemaId);
          Hall h = hallById.get(s.hallId);
          return new ProgramDetail.ShowtimeSummary(s.id, c.id, c.name, c.city, c.address,
              CinemaView.zoneOf(c), h.id, h.name, s.startsAt,
              s.endsAt, s.status, s.currency, s.prices().asMap());
        })
        .toList();
  }

  /** The seat maps and sale info of a program's upcoming showtimes carry its title. */
  @EventListener
  public void onProgramRetitled(ProgramRetitled retitled) {
    long programId = retitled.programId();
    showtimes.upcomingOfProgram(programId, clock.instant())
        .forEach(s -> events.showtimeChanged(programId, s.id, s.status, null));
  }
}
