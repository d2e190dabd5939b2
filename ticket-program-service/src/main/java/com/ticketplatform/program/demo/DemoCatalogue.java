package com.ticketplatform.program.demo;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.program.cinema.Cinema;
import com.ticketplatform.program.cinema.CinemaMapper;
import com.ticketplatform.program.cinema.CinemaRequest;
import com.ticketplatform.program.cinema.CinemaService;
import com.ticketplatform.program.hall.Hall;
import com.ticketplatform.program.hall.HallMapper;
import com.ticketplatform.program.hall.HallRequest;
import com.ticketplatform.program.hall.HallService;
import com.ticketplatform.starter.idempotency.IdempotencyRecords.Recorder;
import com.ticketplatform.program.program.Category;
import com.ticketplatform.program.program.Program;
import com.ticketplatform.program.program.ProgramMapper;
import com.ticketplatform.program.program.ProgramRequest;
import com.ticketplatform.program.program.ProgramService;
import com.ticketplatform.program.seatmap.PriceTier;
import com.ticketplatform.program.seatmap.SeatMapSpec;
import com.ticketplatform.program.seatmap.SeatType;
import com.ticketplatform.program.showtime.Showtime;
import com.ticketplatform.program.showtime.ShowtimeMapper;
import com.ticketplatform.program.showtime.ShowtimeRequest;
import com.ticketplatform.program.showtime.ShowtimeService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A local demo catalogue: two cities, three cinemas, six halls, eight titles and a week of on-sale showtimes from
 * now (by the injected Clock). Runs at every start-up and only adds what is missing, so restarting tops the week up
 * without duplicating anything; it goes through the same services as the admin API. Only in the local profile
 * ({@code ticket.demo.enabled}).
 */
@Component
@ConditionalOnProperty(name = "ticket.demo.enabled", havingValue = "true")
public class DemoCatalogue implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final List<LocalTime> SLOTS = List.of(LocalTime.of(10, 0), LocalTime.of(13, 30), LocalTime.of(17, 0),
      LocalTime.of(20, 30));
  private static final int DAYS = 7;

  private final CinemaService cinemaService;
  private final HallService hallService;
  private final ProgramService programService;
  private final ShowtimeService showtimeService;
  private final CinemaMapper cinemas;
  private final HallMapper halls;
  private final ProgramMapper programs;
  private final ShowtimeMapper showtimes;
  private final Clock clock;

  public DemoCatalogue(CinemaService cinemaService, HallService hallService, ProgramService programService,
      ShowtimeService showtimeService, CinemaMapper cinemas, HallMapper halls, ProgramMapper programs,
      ShowtimeMapper showtimes, Clock clock) {
    this.cinemaService = cinemaService;
    this.hallService = hallService;
    this.programService = programService;
    this.showtimeService = showtimeService;
    this.cinemas = cinemas;
    this.halls = halls;
    this.programs = programs;
    this.showtimes = showtimes;
    this.clock = clock;
  }

  private record HallPlan(String name, int rows, int cols) {}

  private record CinemaPlan(String name, String city, String address, List<HallPlan> halls) {}

  private static final List<CinemaPlan> CINEMAS = List.of(
      new CinemaPlan("Bund Cinema City", "Shanghai", "99 Zhongshan East 1st Road, Huangpu",
          List.of(new HallPlan("IMAX Hall", 20, 30), new HallPlan("Hall 2", 10, 14), new HallPlan("Hall 3", 8, 12))),
      new CinemaPlan("Jing'an Grand Theatre", "Shanghai", "1188 Nanjing West Road, Jing'an",
          List.of(new HallPlan("Grand Hall", 12, 18), new HallPlan("Studio", 9, 13))),
      new CinemaPlan("Sanlitun Cineplex", "Beijing", "19 Sanlitun Road, Chaoyang",
          List.of(new HallPlan("Hall 1", 11, 16))));

  private static final List<ProgramRequest> PROGRAMS = List.of(
      film("Galactic Frontier", Category.SCIFI, 148, "PG-13", "A crew at the edge of the galaxy races a dying star.",
          "Lin Yue", "Marcus Hale", "Ada Okafor"),
      film("The Last Laugh", Category.COMEDY, 102, "PG", "A retired clown's comeback tour goes hilariously wrong.",
          "Zhou Ming", "Sarah Lind"),
      film("River of Stars", Category.DRAMA, 131, "PG-13", "Three generations of a family on the Yangtze.",
          "Gong Wei", "Chen Lu"),
      film("Paper Dragons", Category.ANIMATION, 95, "G", "Origami dragons come alive in a Shanghai lane house.",
          "Voice: Amy Wu", "Voice: Tom Reed"),
      film("Midnight Pursuit", Category.ACTION, 124, "PG-13", "One night, one city, one courier who cannot stop.",
          "Jason Tan", "Nina Park"),
      film("Quantum Heist", Category.ACTION, 138, "PG-13", "Thieves who steal from a bank that has not existed yet.",
          "Li Na", "Omar Said"),
      film("Symphony No. 9 Live", Category.CONCERT, 110, "G", "Beethoven's Ninth, recorded live for the big screen.",
          "Shanghai Symphony Orchestra"),
      film("Hamlet", Category.THEATRE, 170, "PG", "The National Theatre's Hamlet, filmed on stage.",
          "Kenji Mori", "Eva Stone"));

  private static ProgramRequest film(String title, Category category, int minutes, String rating, String description,
      String... cast) {
    String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    return new ProgramRequest(title, category, minutes, rating, "https://img.ticket.local/posters/" + slug + ".jpg",
        description, List.of(cast));
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      List<Long> programIds = PROGRAMS.stream().map(this::ensureProgram).toList();
      List<Hall> demoHalls = new ArrayList<>();
      for (CinemaPlan plan : CINEMAS) {
        long cinemaId = ensureCinema(plan);
        for (HallPlan hallPlan : plan.halls()) {
          demoHalls.add(ensureHall(cinemaId, hallPlan));
        }
      }
      int created = 0;
      for (int h = 0; h < demoHalls.size(); h++) {
        created += ensureShowtimes(demoHalls.get(h), h, programIds);
      }
      log.info("demo catalogue ready ({} showtimes added)", created);
    } catch (RuntimeException e) {
      log.error("demo catalogue could not be completed; it is retried at the next start", e);
    }
  }

  private long ensureProgram(ProgramRequest request) {
    Program existing = programs.selectOne(new QueryWrapper<Program>().eq("title", request.title()).last("LIMIT 1"));
    return existing != null ? existing.id : programService.create(request, Recorder.NONE);
  }

  private long ensureCinema(CinemaPlan plan) {
    Cinema existing = cinemas.selectOne(new QueryWrapper<Cinema>().eq("name", plan.name()).last("LIMIT 1"));
    return existing != null ? existing.id
        : cinemaService.create(new CinemaRequest(plan.name(), plan.city(), plan.address(),
            CinemaRequest.DEFAULT_TIME_ZONE), Recorder.NONE);
  }

  private Hall ensureHall(long cinemaId, HallPlan plan) {
    Hall existing = halls.selectOne(new QueryWrapper<Hall>().eq("cinema_id", cinemaId).eq("name", plan.name())
        .last("LIMIT 1"));
    if (existing != null) {
      return existing;
    }
    long hallId = hallService.create(cinemaId, hallRequest(plan), Recorder.NONE);
    return halls.selectById(hallId);
  }

  /**
   * Two aisles, corner gaps in the front row, a cheap front row (C), a premium middle band (A, VIP in the big hall),
   * couple seats in the second-to-last row and a wheelchair row at the back.
   */
  static HallRequest hallRequest(HallPlan plan) {
    int rows = plan.rows();
    int cols = plan.cols();
    List<Integer> aisles = List.of(4, cols - 3);
    List<SeatMapSpec.Position> gaps = List.of(new SeatMapSpec.Position(1, 1), new SeatMapSpec.Position(1, cols));
    List<SeatMapSpec.RowSetting> rowSettings = new ArrayList<>();
    rowSettings.add(new SeatMapSpec.RowSetting(1, null, PriceTier.C));
    boolean big = rows >= 20;
    for (int row = rows / 3 + 1; row <= 2 * rows / 3; row++) {
      rowSettings.add(new SeatMapSpec.RowSetting(row, big ? SeatType.VIP : null, PriceTier.A));
    }
    rowSettings.add(new SeatMapSpec.RowSetting(rows - 1, SeatType.COUPLE, PriceTier.B));
    rowSettings.add(new SeatMapSpec.RowSetting(rows, SeatType.WHEELCHAIR, PriceTier.C));
    return new HallRequest(plan.name(), rows, cols, gaps, aisles, rowSettings, List.of());
  }

  private int ensureShowtimes(Hall hall, int hallIndex, List<Long> programIds) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, CHINA);
    Map<String, BigDecimal> prices = hall.seatRows >= 20
        ? Map.of("A", new BigDecimal("128.00"), "B", new BigDecimal("98.00"), "C", new BigDecimal("68.00"))
        : Map.of("A", new BigDecimal("88.00"), "B", new BigDecimal("68.00"), "C", new BigDecimal("48.00"));
    int created = 0;
    for (int day = 0; day < DAYS; day++) {
      for (int slot = 0; slot < SLOTS.size(); slot++) {
        Instant startsAt = today.plusDays(day).atTime(SLOTS.get(slot)).atZone(CHINA).toInstant();
        if (!startsAt.isAfter(now.plusSeconds(600))) {
          continue;
        }
        boolean taken = showtimes.selectCount(new QueryWrapper<Showtime>().eq("hall_id", hall.id)
            .eq("starts_at", startsAt)) > 0;
        if (taken) {
          continue;
        }
        long programId = programIds.get((hallIndex * 3 + day + slot) % programIds.size());
        try {
          long showtimeId = showtimeService.create(
              new ShowtimeRequest(programId, hall.id, startsAt, prices, "CNY"), Recorder.NONE);
          showtimeService.putOnSale(showtimeId);
          created++;
        } catch (ApiException e) {
          log.debug("demo showtime at {} in hall {} skipped: {}", startsAt, hall.name, e.getMessage());
        }
      }
    }
    return created;
  }
}
