package com.ticketplatform.program.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketplatform.common.seat.SeatInventoryKeys;
import com.ticketplatform.program.cinema.CinemaMapper;
import com.ticketplatform.program.cinema.CinemaService;
import com.ticketplatform.program.hall.HallMapper;
import com.ticketplatform.program.hall.HallService;
import com.ticketplatform.program.program.ProgramMapper;
import com.ticketplatform.program.program.ProgramService;
import com.ticketplatform.program.showtime.ShowtimeMapper;
import com.ticketplatform.program.showtime.ShowtimeService;
import com.ticketplatform.program.support.IntegrationTestBase;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The demo catalogue is off in tests; this one runs it on purpose, at a fixed future instant, twice. */
class DemoCatalogueIT extends IntegrationTestBase {

  private static final Instant DEMO_NOW = Instant.parse("2031-03-01T00:00:00Z");

  @Autowired CinemaService cinemaService;
  @Autowired HallService hallService;
  @Autowired ProgramService programService;
  @Autowired ShowtimeService showtimeService;
  @Autowired CinemaMapper cinemas;
  @Autowired HallMapper halls;
  @Autowired ProgramMapper programs;
  @Autowired ShowtimeMapper showtimes;
  @Autowired StringRedisTemplate redis;

  @Test
  void buildsAWeekOfOnSaleShowtimesAndIsIdempotent() {
    DemoCatalogue demo = new DemoCatalogue(cinemaService, hallService, programService, showtimeService, cinemas,
        halls, programs, showtimes, Clock.fixed(DEMO_NOW, ZoneOffset.UTC));
    int before = demoShowtimes();
    demo.run(null);
    int afterFirst = demoShowtimes();

    assertThat(count("SELECT COUNT(DISTINCT city) FROM cinema WHERE name IN ('Bund Cinema City',"
        + " 'Jing''an Grand Theatre', 'Sanlitun Cineplex')")).isEqualTo(2);
    List<Integer> hallSizes = jdbc.queryForList("SELECT h.seat_rows * 1000 + h.seat_cols FROM hall h JOIN cinema c"
        + " ON c.id = h.cinema_id WHERE c.name IN ('Bund Cinema City', 'Jing''an Grand Theatre', 'Sanlitun Cineplex')",
        Integer.class);
    assertThat(hallSizes).hasSize(6).contains(20_030);
    assertThat(count("SELECT COUNT(*) FROM seat s JOIN hall h ON h.id = s.hall_id WHERE h.name = 'IMAX Hall'"
        + " AND s.seat_type = 'WHEELCHAIR'")).isPositive();
    assertThat(count("SELECT COUNT(DISTINCT category) FROM program WHERE title IN ('Galactic Frontier',"
        + " 'The Last Laugh', 'River of Stars', 'Paper Dragons', 'Midnight Pursuit', 'Quantum Heist',"
        + " 'Symphony No. 9 Live', 'Hamlet')")).isGreaterThanOrEqualTo(6);

    // 6 halls x 7 days x 4 slots, every one on sale, none overlapping another in its hall
    assertThat(afterFirst).isEqualTo(6 * 7 * 4);
    assertThat(count("SELECT COUNT(*) FROM showtime WHERE starts_at >= ? AND starts_at < ? AND status <> 'ON_SALE'"
        + " AND hall_id IN (SELECT id FROM hall WHERE name IN ('IMAX Hall', 'Grand Hall', 'Studio', 'Hall 2',"
        + " 'Hall 3'))", window())).isZero();
    assertThat(count("SELECT COUNT(*) FROM showtime a JOIN showtime b ON a.hall_id = b.hall_id AND a.id < b.id"
        + " AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at WHERE a.starts_at >= ? AND a.starts_at < ?",
        window())).isZero();
    if (afterFirst > before) {
      Long anyShowtime = jdbc.queryForObject("SELECT MIN(id) FROM showtime WHERE starts_at >= ? AND starts_at < ?",
          Long.class, window());
      assertThat(redis.hasKey(SeatInventoryKeys.seats(anyShowtime))).isTrue();
    }

    demo.run(null);
    assertThat(demoShowtimes()).isEqualTo(afterFirst);
    assertThat(count("SELECT COUNT(*) FROM cinema WHERE name = 'Sanlitun Cineplex'")).isEqualTo(1);

    // the week's inventories are test data in a shared Redis: let them go
    jdbc.queryForList("SELECT id FROM showtime WHERE starts_at >= ? AND starts_at < ?", Long.class, window())
        .forEach(id -> redis.expire(SeatInventoryKeys.seats(id), Duration.ofMinutes(10)));
  }

  private Object[] window() {
    return new Object[] {Timestamp.from(DEMO_NOW), Timestamp.from(DEMO_NOW.plus(Duration.ofDays(8)))};
  }

  private int demoShowtimes() {
    return count("SELECT COUNT(*) FROM showtime WHERE starts_at >= ? AND starts_at < ?", window());
  }
}
