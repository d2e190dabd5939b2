package com.ticketplatform.program.showtime;

import com.ticketplatform.program.cinema.CinemaChanged;
import com.ticketplatform.program.event.ProgramEventPublisher;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The showtimes in a cinema as a change to the cinema affects them. */
@Component
class ShowtimesOfCinema {

  private final ShowtimeMapper showtimes;
  private final ProgramEventPublisher events;
  private final Clock clock;

  ShowtimesOfCinema(ShowtimeMapper showtimes, ProgramEventPublisher events, Clock clock) {
    this.showtimes = showtimes;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A renamed or moved cinema, or one in another time zone, changes the detail of every program with an upcoming
   * showtime there and the seat map of each such showtime: both carry the cinema's name and zone.
   */
  @EventListener
  public void onCinemaChanged(CinemaChanged changed) {
    showtimes.upcomingInCinema(changed.cinemaId(), clock.instant())
        .forEach(s -> events.showtimeChanged(s.programId, s.id, s.status));
  }
}
