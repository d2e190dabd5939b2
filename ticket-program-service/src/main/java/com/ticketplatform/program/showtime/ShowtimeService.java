package com.ticketplatform.program.showtime;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.program.cache.IdBloomFilters;
import com.ticketplatform.program.config.ProgramProperties;
import com.ticketplatform.program.event.ProgramEventPublisher;
import com.ticketplatform.program.hall.Hall;
import com.ticketplatform.program.hall.HallMapper;
import com.ticketplatform.program.hall.SeatMapper;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
import com.ticketplatform.program.inventory.SeatInventory;
import com.ticketplatform.program.program.Program;
import com.ticketplatform.program.program.ProgramMapper;
import com.ticketplatform.program.seatmap.PriceTier;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduling and selling showtimes. Every write that can change a hall's timetable locks the hall row first
 * ({@code SELECT ... FOR UPDATE}), so the overlap check and the insert are atomic against concurrent admins.
 */
@Service
public class ShowtimeService {

  public static final String SHOWTIME_OVERLAP = "SHOWTIME_OVERLAP";
  public static final String SHOWTIME_NOT_EDITABLE = "SHOWTIME_NOT_EDITABLE";
  public static final String SHOWTIME_IN_PAST = "SHOWTIME_IN_PAST";

  private final ShowtimeMapper showtimes;
  private final ProgramMapper programs;
  private final HallMapper halls;
  private final SeatMapper seats;
  private final SeatInventory inventory;
  private final IdBloomFilters bloom;
  private final ProgramEventPublisher events;
  private final SnowflakeIdGenerator ids;
  private final Clock clock;
  private final ProgramProperties properties;

  public ShowtimeService(ShowtimeMapper showtimes, ProgramMapper programs, HallMapper halls, SeatMapper seats,
      SeatInventory inventory, IdBloomFilters bloom, ProgramEventPublisher events, SnowflakeIdGenerator ids,
      Clock clock, ProgramProperties properties) {
    this.showtimes = showtimes;
    this.programs = programs;
    this.halls = halls;
    this.seats = seats;
    this.inventory = inventory;
    this.bloom = bloom;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
    this.properties = properties;
  }

  @Transactional
  public long create(ShowtimeRequest request, IdempotencyRecords.Recorder recorder) {
    Instant now = clock.instant();
    Showtime showtime = new Showtime();
    showtime.id = ids.nextId();
    showtime.status = ShowtimeStatus.SCHEDULED.name();
    showtime.version = 0;
    showtime.createdAt = now;
    schedule(showtime, request, now);
    showtimes.insert(showtime);
    bloom.addShowtime(showtime.id);
    events.showtimeChanged(showtime.programId, showtime.id, showtime.status, showtime.startsAt);
    recorder.created(showtime.id);
    return showtime.id;
  }

  public ShowtimeView get(long showtimeId) {
    Showtime showtime = showtimes.selectById(showtimeId);
    if (showtime == null) {
      throw ApiException.notFound("showtime " + showtimeId);
    }
    return ShowtimeView.of(showtime);
  }

  /** Only a scheduled showtime can be edited; once on sale, buyers rely on its time, hall and prices. */
  @Transactional
  public ShowtimeView update(long showtimeId, ShowtimeRequest request) {
    Showtime before = showtimes.selectById(showtimeId);
    if (before == null) {
      throw ApiException.notFound("showtime " + showtimeId);
    }
    // hall locks in id order (both halls when it moves) before the showtime lock: the order every writer uses
    lockHalls(before.hallId, request.hallId());
    Showtime showtime = showtimes.lockById(showtimeId);
    requireEditable(showtime);
    long oldProgramId = showtime.programId;
    schedule(showtime, request, clock.instant());
    showtimes.updateById(showtime);
    // a showtime that no longer occupies the old hall may have an inventory from a failed on-sale: drop it
    inventory.retireIfUnsold(showtimeId);
    events.showtimeChanged(showtime.programId, showtime.id, showtime.status, showtime.startsAt);
    if (oldProgramId != showtime.programId) {
      events.showtimeChanged(oldProgramId, showtime.id, showtime.status, showtime.startsAt);
    }
    return ShowtimeView.of(showtime);
  }

  /**
   * Moves a scheduled or on-sale showtime to another start in the same hall (docs/ARCHITECTURE.md §2): the program,
   * hall, prices and every sold seat stay; the end follows the program's duration; the hall's timetable must have room.
   * The ShowtimeChanged event carries the new start: the order service moves its orders and e-tickets there and opens
   * the buyers' free refund window, the notify service tells them. Moving it to its current start changes nothing.
   */
  @Transactional
  public ShowtimeView reschedule(long showtimeId, Instant requested) {
    // what the database keeps (DATETIME(3)): a repeat of the same move must compare equal
    Instant startsAt = requested.truncatedTo(ChronoUnit.MILLIS);
    Showtime current = requireExisting(showtimeId);
    lockHalls(current.hallId, current.hallId);
    Showtime showtime = showtimes.lockById(showtimeId);
    ShowtimeStatus status = showtime.statusEnum();
    if (status != ShowtimeStatus.SCHEDULED && status != ShowtimeStatus.ON_SALE) {
      throw ApiException.conflict(SHOWTIME_NOT_EDITABLE, "a " + status + " showtime cannot be moved");
    }
    if (showtime.startsAt.equals(startsAt)) {
      return ShowtimeView.of(showtime);
    }
    Instant now = clock.instant();
    if (!showtime.startsAt.isAfter(now)) {
      throw ApiException.conflict(SHOWTIME_NOT_EDITABLE, "the showtime has already started");
    }
    if (!startsAt.isAfter(now)) {
      throw ApiException.unprocessable(SHOWTIME_IN_PAST, "a showtime must start in the future");
    }
    Program program = programs.selectById(showtime.programId);
    Instant endsAt = ShowtimeSchedule.endsAt(startsAt, program.durationMinutes, properties.cleaningBuffer());
    requireRoom(showtime.hallId, new ShowtimeSchedule.Slot(showtime.id, startsAt, endsAt));
    showtime.startsAt = startsAt;
    showtime.endsAt = endsAt;
    showtime.version = showtime.version + 1;
    showtime.updatedAt = now;
    showtimes.updateById(showtime);
    events.showtimeChanged(showtime.programId, showtime.id, showtime.status, showtime.startsAt);
    return ShowtimeView.of(showtime);
  }

  /**
   * SCHEDULED → ON_SALE: creates the live seat inventory (every seat "A", HSETNX so a retry never frees a seat),
   * then flips the status. Repeating it on an on-sale showtime is a no-op.
   */
  @Transactional
  public ShowtimeView putOnSale(long showtimeId) {
    Showtime current = requireExisting(showtimeId);
    lockHalls(current.hallId, current.hallId);
    Showtime showtime = showtimes.lockById(showtimeId);
    ShowtimeStatus status = showtime.statusEnum();
    if (status == ShowtimeStatus.ON_SALE) {
      return ShowtimeView.of(showtime);
    }
    if (status != ShowtimeStatus.SCHEDULED) {
      throw ApiException.conflict(SHOWTIME_NOT_EDITABLE, "a " + status + " showtime cannot go on sale");
    }
    if (!showtime.startsAt.isAfter(clock.instant())) {
      throw ApiException.unprocessable(SHOWTIME_IN_PAST, "the showtime has already started");
    }
    List<Long> seatIds = seats.findByHall(showtime.hallId).stream().map(s -> s.id).toList();
    inventory.initialise(showtimeId, seatIds);
    showtime.status = ShowtimeStatus.ON_SALE.name();
    showtime.version = showtime.version + 1;
    showtime.updatedAt = clock.instant();
    showtimes.updateById(showtime);
    events.showtimeChanged(showtime.programId, showtime.id, showtime.status, showtime.startsAt);
    return ShowtimeView.of(showtime);
  }

  /**
   * Cancels a scheduled or on-sale showtime; repeating it is a no-op. The seat inventory stays as it is: on the
   * ShowtimeChanged event the order service cancels the unpaid orders and refunds the paid ones
   * (docs/ARCHITECTURE.md §2).
   */
  @Transactional
  public ShowtimeView cancel(long showtimeId) {
    requireExisting(showtimeId);
    Showtime showtime = showtimes.lockById(showtimeId);
    ShowtimeStatus status = showtime.statusEnum();
    if (status == ShowtimeStatus.CANCELLED) {
      return ShowtimeView.of(showtime);
    }
    if (status == ShowtimeStatus.FINISHED) {
      throw ApiException.conflict(SHOWTIME_NOT_EDITABLE, "a finished showtime cannot be cancelled");
    }
    showtime.status = ShowtimeStatus.CANCELLED.name();
    showtime.version = showtime.version + 1;
    showtime.updatedAt = clock.instant();
    showtimes.updateById(showtime);
    events.showtimeChanged(showtime.programId, showtime.id, showtime.status, showtime.startsAt);
    return ShowtimeView.of(showtime);
  }

  /** Validates the request against program, hall and timetable and applies it; the hall is already locked. */
  private void schedule(Showtime showtime, ShowtimeRequest request, Instant now) {
    Program program = programs.selectById(request.programId());
    if (program == null) {
      throw ApiException.notFound("program " + request.programId());
    }
    if (halls.lockById(request.hallId()) == null) {
      throw ApiException.notFound("hall " + request.hallId());
    }
    Hall hall = halls.selectById(request.hallId());
    List<PriceTier> usedTiers = seats.tiersOfHall(hall.id).stream().map(PriceTier::valueOf).toList();
    TierPrices prices = TierPrices.validate(request.prices(), request.currency(), usedTiers);
    if (!request.startsAt().isAfter(now)) {
      throw ApiException.unprocessable(SHOWTIME_IN_PAST, "a showtime must start in the future");
    }
    Instant endsAt = ShowtimeSchedule.endsAt(request.startsAt(), program.durationMinutes,
        properties.cleaningBuffer());
    requireRoom(hall.id, new ShowtimeSchedule.Slot(showtime.id, request.startsAt(), endsAt));
    showtime.programId = program.id;
    showtime.cinemaId = hall.cinemaId;
    showtime.hallId = hall.id;
    showtime.startsAt = request.startsAt();
    showtime.endsAt = endsAt;
    showtime.priceA = prices.priceOf(PriceTier.A);
    showtime.priceB = prices.priceOf(PriceTier.B);
    showtime.priceC = prices.priceOf(PriceTier.C);
    showtime.currency = prices.currency();
    showtime.realNameCap = request.realNameCap() == null ? 0 : request.realNameCap();
    showtime.updatedAt = now;
  }

  /**
   * 409 SHOWTIME_OVERLAP when another running showtime of the hall (already locked) collides with the slot: which one
   * ({@code conflictingShowtimeId}) and the time it holds the hall ({@code busyFrom}, {@code busyUntil}: its start and
   * the end of its cleaning buffer).
   */
  private void requireRoom(long hallId, ShowtimeSchedule.Slot candidate) {
    List<ShowtimeSchedule.Slot> around = showtimes.occupyingHall(hallId, candidate.startsAt(), candidate.endsAt())
        .stream().map(s -> new ShowtimeSchedule.Slot(s.id, s.startsAt, s.endsAt)).toList();
    ShowtimeSchedule.firstConflict(candidate, around).ifPresent(conflict -> {
      throw new ApiException(HttpStatus.CONFLICT, SHOWTIME_OVERLAP,
          "the hall is busy from " + conflict.startsAt() + " to " + conflict.endsAt(),
          // the slot as instants too, so a client can say it in the cinema's own time
          Map.of("conflictingShowtimeId", conflict.showtimeId(), "busyFrom", conflict.startsAt().toString(),
              "busyUntil", conflict.endsAt().toString()));
    });
  }

  private void lockHalls(long first, long second) {
    long low = Math.min(first, second);
    long high = Math.max(first, second);
    if (halls.lockById(low) == null) {
      throw ApiException.notFound("hall " + low);
    }
    if (high != low && halls.lockById(high) == null) {
      throw ApiException.notFound("hall " + high);
    }
  }

  private Showtime requireExisting(long showtimeId) {
    Showtime showtime = showtimes.selectById(showtimeId);
    if (showtime == null) {
      throw ApiException.notFound("showtime " + showtimeId);
    }
    return showtime;
  }

  private static void requireEditable(Showtime showtime) {
    if (showtime.statusEnum() != ShowtimeStatus.SCHEDULED) {
      throw ApiException.conflict(SHOWTIME_NOT_EDITABLE,
          "a " + showtime.status + " showtime cannot be edited; cancel it instead");
    }
  }

}
