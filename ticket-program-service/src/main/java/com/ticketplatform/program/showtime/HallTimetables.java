package com.ticketplatform.program.showtime;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.program.cinema.Cinema;
import com.ticketplatform.program.cinema.CinemaMapper;
import com.ticketplatform.program.config.ProgramProperties;
import com.ticketplatform.program.hall.Hall;
import com.ticketplatform.program.hall.HallMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A hall's timetable for the admin console: every showtime in the hall, of any program and status, whose slot meets
 * the window, read from the database. Slots, the buffer and which showtimes hold the hall are the overlap check's
 * own ({@link ShowtimeService}, {@link ShowtimeMapper#occupyingHall}).
 */
@Service
public class HallTimetables {

  private final HallMapper halls;
  private final CinemaMapper cinemas;
  private final ShowtimeMapper showtimes;
  private final ProgramProperties properties;
  private final Clock clock;

  public HallTimetables(HallMapper halls, CinemaMapper cinemas, ShowtimeMapper showtimes,
      ProgramProperties properties, Clock clock) {
    this.halls = halls;
    this.cinemas = cinemas;
    this.showtimes = showtimes;
    this.properties = properties;
    this.clock = clock;
  }

  public HallTimetable of(long hallId, Instant from, Instant to) {
    TimetableWindow window = TimetableWindow.of(from, to, clock);
    Hall hall = halls.selectById(hallId);
    if (hall == null) {
      throw ApiException.notFound("hall " + hallId);
    }
    Cinema cinema = cinemas.selectById(hall.cinemaId);
    Duration buffer = properties.cleaningBuffer();
    List<HallTimetable.HallTimetableItem> items = showtimes.timetableOfHall(hallId, window.from(), window.to())
        .stream()
        .map(row -> new HallTimetable.HallTimetableItem(row.id, row.programId, row.programTitle, row.startsAt,
            row.durationMinutes != null ? row.startsAt.plus(Duration.ofMinutes(row.durationMinutes))
                : row.endsAt.minus(buffer),
            row.endsAt, row.status, ShowtimeStatus.valueOf(row.status).occupiesHall()))
        .toList();
    return new HallTimetable(hall.id, hall.name, cinema == null ? null : cinema.timeZone, buffer.toSeconds(),
        items);
  }
}
