package com.ticketplatform.program.inventory;

import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.program.seatmap.SeatMapBuilder;
import com.ticketplatform.program.showtime.Showtime;
import com.ticketplatform.program.showtime.ShowtimeMapper;
import com.ticketplatform.program.showtime.ShowtimeStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

@Service
public class SeatMapService {

  public static final String INVENTORY_REBUILDING = "INVENTORY_REBUILDING";
  static final String UNAVAILABLE = "UNAVAILABLE";

  private final ShowtimeLayouts layouts;
  private final SeatInventory inventory;
  private final ShowtimeMapper showtimes;

  public SeatMapService(ShowtimeLayouts layouts, SeatInventory inventory, ShowtimeMapper showtimes) {
    this.layouts = layouts;
    this.inventory = inventory;
    this.showtimes = showtimes;
  }

  /**
   * Static layout from the cache, live status from the Redis inventory. An on-sale showtime without inventory
   * (e.g. Redis lost it) answers 503 until the order service has rebuilt it from its tickets: showing every seat as
   * free then could sell a seat twice, and re-initialising it here would do exactly that.
   */
  public SeatMapView seatMap(long showtimeId) {
    ShowtimeLayout layout = layouts.require(showtimeId);
    Map<Long, String> statuses = null;
    boolean onSale = ShowtimeStatus.ON_SALE.name().equals(layout.status());
    if (onSale) {
      statuses = inventory.statuses(showtimeId).orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
          INVENTORY_REBUILDING, "the seat inventory of this showtime is being rebuilt, try again shortly"));
    }
    Map<Integer, List<SeatMapView.SeatView>> byRow = new LinkedHashMap<>();
    for (ShowtimeLayout.LayoutSeat seat : layout.seats()) {
      // a seat missing from an existing inventory is not offered: better unsellable than sold twice
      String status = onSale ? statuses.getOrDefault(seat.seatId(), UNAVAILABLE) : UNAVAILABLE;
      byRow.computeIfAbsent(seat.row(), r -> new ArrayList<>()).add(new SeatMapView.SeatView(seat.seatId(),
          seat.row(), seat.col(), seat.label(), seat.type(), seat.tier(), seat.price(), status));
    }
    List<SeatMapView.SeatRow> rows = byRow.entrySet().stream()
        .map(e -> new SeatMapView.SeatRow(e.getKey(), SeatMapBuilder.rowLabel(e.getKey()), e.getValue()))
        .toList();
    return new SeatMapView(layout.showtimeId(), layout.programId(), layout.programTitle(), layout.cinemaId(),
        layout.cinemaName(), layout.hallId(), layout.hallName(), layout.startsAt(), layout.status(),
        layout.currency(), layout.rows(), layout.cols(), rows);
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
        layout.programTitle(), current.status, current.startsAt, layout.currency(), seats);
  }
}
