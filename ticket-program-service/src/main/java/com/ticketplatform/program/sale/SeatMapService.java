package com.ticketplatform.program.sale;

import com.ticketplatform.client.order.OrderClient;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.program.inventory.SeatInventory;
import com.ticketplatform.program.seatmap.SeatMapBuilder;
import com.ticketplatform.program.showtime.Showtime;
import com.ticketplatform.program.showtime.ShowtimeMapper;
import com.ticketplatform.program.showtime.ShowtimeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A showtime as it is sold: the public seat map (the cached layout, with the live status from the seat inventory)
 * and the sale info the order service prices a purchase with.
 */
@Service
public class SeatMapService {

  private static final Logger log = LoggerFactory.getLogger(SeatMapService.class);

  public static final String INVENTORY_REBUILDING = "INVENTORY_REBUILDING";
  static final String UNAVAILABLE = "UNAVAILABLE";

  private final ShowtimeLayouts layouts;
  private final SeatInventory inventory;
  private final ShowtimeMapper showtimes;
  private final OrderClient orders;
  private final RenderedSeats rendered;
  /** One rebuild request per showtime at a time from this instance, however many readers find the hash missing. */
  private final Map<Long, Boolean> asking = new ConcurrentHashMap<>();
  /** After a request that did not bring the inventory back, readers get 503 at once for a while (nanoTime). */
  private final Map<Long, Long> quietUntil = new ConcurrentHashMap<>();
  static final long QUIET_NANOS = 5_000_000_000L;

  /** How soon a buyer is asked to come back when Redis cannot be read. */
  private static final Duration INVENTORY_UNREACHABLE_RETRY = Duration.ofSeconds(2);
  private static final long UNREACHABLE_LOG_NANOS = 10_000_000_000L;
  /** When an unreadable inventory was last logged (nanoTime): an outage logs a line every 10 s, not one per map. */
  private final AtomicLong lastUnreachableLog = new AtomicLong(System.nanoTime() - UNREACHABLE_LOG_NANOS - 1);

  public SeatMapService(ShowtimeLayouts layouts, SeatInventory inventory, ShowtimeMapper showtimes,
      ObjectProvider<OrderClient> orders, RenderedSeats rendered) {
    this.layouts = layouts;
    this.rendered = rendered;
    this.inventory = inventory;
    this.showtimes = showtimes;
    this.orders = orders.getIfAvailable();
  }

  /**
   * Static layout from the cache, live status from the Redis inventory. An on-sale showtime without inventory
   * (e.g. Redis lost it) is never shown all free and never re-initialised here (either could sell a seat twice): the
   * order service is asked to rebuild it from its orders and claims, and the map answers 503 only when that did not
   * work, so a showtime nobody has ordered yet does not stay unviewable after a Redis restart.
   */
  public SeatMapView seatMap(long showtimeId) {
    ShowtimeLayout layout = layouts.require(showtimeId);
    RenderedSeats.Seats written = rendered.of(layout);
    SeatInventory.LiveSeats statuses = liveStatuses(layout, written);
    Map<Integer, List<RenderedSeats.Seat>> byRow = new LinkedHashMap<>();
    List<ShowtimeLayout.LayoutSeat> seats = layout.seats();
    for (int i = 0; i < seats.size(); i++) {
      ShowtimeLayout.LayoutSeat seat = seats.get(i);
      String status = statusOr(statuses, i);
      byRow.computeIfAbsent(seat.row(), r -> new ArrayList<>()).add(written.seat(i, status));
    }
    List<SeatMapView.SeatRow> rows = byRow.entrySet().stream()
        .map(e -> new SeatMapView.SeatRow(e.getKey(), SeatMapBuilder.rowLabel(e.getKey()), e.getValue()))
        .toList();
    return new SeatMapView(layout.showtimeId(), layout.programId(), layout.programTitle(), layout.cinemaId(),
        layout.cinemaName(), layout.timeZone(), layout.hallId(), layout.hallName(), layout.startsAt(), layout.status(),
        layout.currency(), layout.rows(), layout.cols(), rows, layout.realNameCap());
  }

  /**
   * The live part of the seat map alone (docs/ARCHITECTURE.md §4): what a buyer who has the map re-reads
   * after "some of these seats were just taken", with the same statuses, the same 503 and the same rebuild as
   * {@link #seatMap}.
   */
  public SeatAvailability availability(long showtimeId) {
    ShowtimeLayout layout = layouts.require(showtimeId);
    SeatInventory.LiveSeats statuses = liveStatuses(layout, rendered.of(layout));
    char[][] grid = new char[layout.rows()][layout.cols()];
    for (char[] row : grid) {
      Arrays.fill(row, SeatAvailability.NO_SEAT);
    }
    List<ShowtimeLayout.LayoutSeat> seats = layout.seats();
    for (int i = 0; i < seats.size(); i++) {
      ShowtimeLayout.LayoutSeat seat = seats.get(i);
      // a seat outside the hall's grid (never saved so; a layout read across a hall edit) has no place to show
      if (seat.row() >= 1 && seat.row() <= grid.length && seat.col() >= 1 && seat.col() <= layout.cols()) {
        grid[seat.row() - 1][seat.col() - 1] = SeatAvailability.codeOf(statusOr(statuses, i));
      }
    }
    List<String> rows = new ArrayList<>(grid.length);
    for (char[] row : grid) {
      rows.add(new String(row));
    }
    return new SeatAvailability(layout.showtimeId(), layout.status(), layout.rows(), layout.cols(), rows);
  }

  /** The seat's live status; UNAVAILABLE off sale and for a seat the inventory lacks (better unsellable than sold twice). */
  private static String statusOr(SeatInventory.LiveSeats statuses, int index) {
    String status = statuses == null ? null : statuses.status(index);
    return status == null ? UNAVAILABLE : status;
  }

  /** The live statuses of an on-sale showtime's seats, by their place in the layout; null when it is not on sale. */
  private SeatInventory.LiveSeats liveStatuses(ShowtimeLayout layout, RenderedSeats.Seats written) {
    if (!ShowtimeStatus.ON_SALE.name().equals(layout.status())) {
      return null;
    }
    long showtimeId = layout.showtimeId();
    SeatInventory.BoardLayout board = written.board();
    Optional<SeatInventory.LiveSeats> statuses;
    try {
      statuses = inventory.statuses(showtimeId, board);
    } catch (DataAccessException e) {
      // Redis unreachable or too slow: no seat map rather than a guessed one, and the buyer is told to come back
      long now = System.nanoTime();
      long last = lastUnreachableLog.get();
      if (now - last > UNREACHABLE_LOG_NANOS && lastUnreachableLog.compareAndSet(last, now)) {
        log.warn("seat inventory of showtime {} unreadable, answering 503 (logged at most every 10 s): {}", showtimeId,
            e.toString());
      }
      throw ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
          "the seat inventory cannot be read right now, try again shortly", INVENTORY_UNREACHABLE_RETRY);
    }
    return statuses.or(() -> rebuilt(showtimeId, board)).orElseThrow(() -> new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE, INVENTORY_REBUILDING,
        "the seat inventory of this showtime is being rebuilt, try again shortly"));
  }

  private Optional<SeatInventory.LiveSeats> rebuilt(long showtimeId, SeatInventory.BoardLayout board) {
    Long quiet = quietUntil.get(showtimeId);
    if (quiet != null && System.nanoTime() - quiet < 0) {
      return Optional.empty();
    }
    if (orders == null || asking.putIfAbsent(showtimeId, Boolean.TRUE) != null) {
      return Optional.empty();
    }
    Optional<SeatInventory.LiveSeats> statuses = Optional.empty();
    try {
      orders.rebuildInventoryIfMissing(showtimeId);
      statuses = inventory.statuses(showtimeId, board);
    } catch (RuntimeException e) {
      log.warn("the order service could not rebuild the seat inventory of showtime {}: {}", showtimeId,
          e.toString());
    } finally {
      if (statuses.isEmpty()) {
        quietUntil.put(showtimeId, System.nanoTime() + QUIET_NANOS);
      } else {
        quietUntil.remove(showtimeId);
      }
      asking.remove(showtimeId);
    }
    return statuses;
  }

  /**
   * What the order service prices and validates a purchase with. Seats and prices come from the cached layout;
   * the status is read from the database every time, so a cancellation is never missed. With {@code seatIds}, only
   * those seats (the ones not in the hall are left out); without, every seat of the hall.
   */
  public ShowtimeSaleInfo saleInfo(long showtimeId, Set<Long> seatIds) {
    ShowtimeLayout layout = layouts.require(showtimeId);
    Showtime current = showtimes.selectById(showtimeId);
    if (current == null) {
      throw ApiException.notFound("showtime " + showtimeId);
    }
    List<ShowtimeSaleInfo.SeatPrice> seats = layout.seats().stream()
        .filter(s -> seatIds == null || seatIds.contains(s.seatId()))
        .map(s -> new ShowtimeSaleInfo.SeatPrice(s.seatId(), s.label(), s.tier(), s.price()))
        .toList();
    return new ShowtimeSaleInfo(layout.showtimeId(), layout.programId(), layout.cinemaId(), layout.hallId(),
        layout.programTitle(), current.status, current.startsAt, layout.currency(), seats,
        current.realNameCap == null ? 0 : current.realNameCap);
  }
}
