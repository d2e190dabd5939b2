package com.ticketplatform.program.hall;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.program.cinema.CinemaMapper;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
import com.ticketplatform.program.seatmap.PlannedSeat;
import com.ticketplatform.program.seatmap.SeatMapBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Halls and their seat maps. Every write locks the hall row first (the same lock showtime scheduling takes). */
@Service
public class HallService {

  public static final String HALL_ON_SALE = "HALL_ON_SALE";
  public static final String HALL_HAS_SALES = "HALL_HAS_SALES";

  private final HallMapper halls;
  private final SeatMapper seats;
  private final CinemaMapper cinemas;
  private final HallShowtimes showtimes;
  private final ApplicationEventPublisher events;
  private final SnowflakeIdGenerator ids;
  private final Clock clock;

  public HallService(HallMapper halls, SeatMapper seats, CinemaMapper cinemas, HallShowtimes showtimes,
      ApplicationEventPublisher events, SnowflakeIdGenerator ids, Clock clock) {
    this.halls = halls;
    this.seats = seats;
    this.cinemas = cinemas;
    this.showtimes = showtimes;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
  }

  @Transactional
  public long create(long cinemaId, HallRequest request, IdempotencyRecords.Recorder recorder) {
    List<PlannedSeat> planned = SeatMapBuilder.build(request.seatMap());
    // the cinema row lock keeps a concurrent cinema delete from orphaning the new hall
    if (cinemas.lockById(cinemaId) == null) {
      throw ApiException.notFound("cinema " + cinemaId);
    }
    Instant now = clock.instant();
    Hall hall = new Hall();
    hall.id = ids.nextId();
    hall.cinemaId = cinemaId;
    hall.name = request.name().trim();
    hall.seatRows = request.rows();
    hall.seatCols = request.cols();
    hall.seatCount = planned.size();
    hall.createdAt = now;
    hall.updatedAt = now;
    halls.insert(hall);
    insertSeats(hall.id, planned);
    recorder.created(hall.id);
    return hall.id;
  }

  public HallView get(long hallId) {
    return HallView.of(require(hallId), seats.findByHall(hallId));
  }

  public List<HallView> listOfCinema(long cinemaId) {
    if (cinemas.selectById(cinemaId) == null) {
      throw ApiException.notFound("cinema " + cinemaId);
    }
    return halls.selectList(new QueryWrapper<Hall>().eq("cinema_id", cinemaId).orderByAsc("name", "id")).stream()
        .map(hall -> HallView.of(hall, List.of()))
        .toList();
  }

  /**
   * Renames the hall and/or replaces its seat map. Seats keep their ids where their position survives (tickets and
   * the live inventory refer to them). The seat map cannot change while a showtime in the hall is on sale.
   */
  @Transactional
  public HallView update(long hallId, HallRequest request) {
    List<PlannedSeat> planned = SeatMapBuilder.build(request.seatMap());
    lock(hallId);
    Hall hall = halls.selectById(hallId);
    List<Seat> current = seats.findByHall(hallId);
    boolean seatMapChanged = hall.seatRows != request.rows() || hall.seatCols != request.cols()
        || !sameSeats(current, planned);
    if (seatMapChanged) {
      showtimes.checkSeatMapMayChange(hallId);
      replaceSeats(hallId, current, planned);
      showtimes.seatMapChanged(hallId);
    }
    hall.name = request.name().trim();
    hall.seatRows = request.rows();
    hall.seatCols = request.cols();
    hall.seatCount = planned.size();
    hall.updatedAt = clock.instant();
    halls.updateById(hall);
    events.publishEvent(new HallChanged(hallId));
    return HallView.of(hall, seats.findByHall(hallId));
  }

  /**
   * Deletes the hall with its seats and showtimes, unless a showtime has locked or sold seats
   * ({@link HallShowtimes#deleteAll}: nothing is removed then).
   */
  @Transactional
  public void delete(long hallId) {
    lock(hallId);
    List<Long> seatIds = seats.findByHall(hallId).stream().map(s -> s.id).toList();
    showtimes.deleteAll(hallId, seatIds);
    seats.deleteByHall(hallId);
    halls.deleteById(hallId);
  }

  private void lock(long hallId) {
    if (halls.lockById(hallId) == null) {
      throw ApiException.notFound("hall " + hallId);
    }
  }

  private Hall require(long hallId) {
    Hall hall = halls.selectById(hallId);
    if (hall == null) {
      throw ApiException.notFound("hall " + hallId);
    }
    return hall;
  }

  private void insertSeats(long hallId, List<PlannedSeat> planned) {
    List<Seat> rows = planned.stream().map(p -> toSeat(ids.nextId(), hallId, p)).toList();
    for (int from = 0; from < rows.size(); from += 1000) {
      seats.insertAll(rows.subList(from, Math.min(rows.size(), from + 1000)));
    }
  }

  private void replaceSeats(long hallId, List<Seat> current, List<PlannedSeat> planned) {
    Map<Long, Seat> byPosition = new HashMap<>();
    current.forEach(s -> byPosition.put(position(s.rowNo, s.colNo), s));
    List<Seat> next = new ArrayList<>();
    for (PlannedSeat p : planned) {
      Seat existing = byPosition.get(position(p.row(), p.col()));
      next.add(toSeat(existing != null ? existing.id : ids.nextId(), hallId, p));
    }
    seats.deleteByHall(hallId);
    for (int from = 0; from < next.size(); from += 1000) {
      seats.insertAll(next.subList(from, Math.min(next.size(), from + 1000)));
    }
  }

  private static boolean sameSeats(List<Seat> current, List<PlannedSeat> planned) {
    if (current.size() != planned.size()) {
      return false;
    }
    Map<Long, Seat> byPosition = new HashMap<>();
    current.forEach(s -> byPosition.put(position(s.rowNo, s.colNo), s));
    return planned.stream().allMatch(p -> {
      Seat s = byPosition.get(position(p.row(), p.col()));
      return s != null && s.seatType.equals(p.type().name()) && s.priceTier.equals(p.tier().name());
    });
  }

  private static Seat toSeat(long id, long hallId, PlannedSeat p) {
    Seat seat = new Seat();
    seat.id = id;
    seat.hallId = hallId;
    seat.rowNo = p.row();
    seat.colNo = p.col();
    seat.label = p.label();
    seat.seatType = p.type().name();
    seat.priceTier = p.tier().name();
    return seat;
  }

  private static long position(int row, int col) {
    return ((long) row << 32) | col;
  }
}
