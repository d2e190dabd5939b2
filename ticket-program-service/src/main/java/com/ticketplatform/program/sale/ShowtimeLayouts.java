package com.ticketplatform.program.sale;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.program.cache.CatalogueCache;
import com.ticketplatform.program.cache.IdBloomFilters;
import com.ticketplatform.program.cinema.Cinema;
import com.ticketplatform.program.cinema.CinemaMapper;
import com.ticketplatform.program.cinema.CinemaView;
import com.ticketplatform.program.hall.Hall;
import com.ticketplatform.program.hall.HallMapper;
import com.ticketplatform.program.hall.SeatMapper;
import com.ticketplatform.program.program.Program;
import com.ticketplatform.program.program.ProgramMapper;
import com.ticketplatform.program.seatmap.PriceTier;
import com.ticketplatform.program.showtime.Showtime;
import com.ticketplatform.program.showtime.ShowtimeMapper;
import com.ticketplatform.program.showtime.TierPrices;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Cached showtime layouts, behind the showtime Bloom filter. Every seat map read needs one, so it is also kept near
 * (in this instance's memory for {@code ticket.program.cache.near-ttl}): fetching a 2,000-seat hall's layout from
 * Redis and decoding it was half of a seat map read's CPU. The seat statuses are read live on every request.
 */
@Component
public class ShowtimeLayouts {

  static final String CACHE = "showtime-layout";

  private final CatalogueCache cache;
  private final IdBloomFilters bloom;
  private final ShowtimeMapper showtimes;
  private final ProgramMapper programs;
  private final CinemaMapper cinemas;
  private final HallMapper halls;
  private final SeatMapper seats;

  public ShowtimeLayouts(CatalogueCache cache, IdBloomFilters bloom, ShowtimeMapper showtimes, ProgramMapper programs,
      CinemaMapper cinemas, HallMapper halls, SeatMapper seats) {
    this.cache = cache;
    this.bloom = bloom;
    this.showtimes = showtimes;
    this.programs = programs;
    this.cinemas = cinemas;
    this.halls = halls;
    this.seats = seats;
  }

  /**
   * The layout, from this instance's memory when it is there: a layout kept near exists, so only a read that misses it
   * asks the Bloom filter (a batch of Redis commands) before the Redis copy and the database.
   */
  public ShowtimeLayout require(long showtimeId) {
    String key = cache.showtimeLayoutKey(showtimeId);
    Optional<ShowtimeLayout> near = cache.near(CACHE, key, ShowtimeLayout.class);
    if (near.isPresent()) {
      return near.get();
    }
    if (!bloom.mightBeShowtime(showtimeId)) {
      throw ApiException.notFound("showtime " + showtimeId);
    }
    return cache.getOrLoadNear(CACHE, key, ShowtimeLayout.class, () -> load(showtimeId))
        .orElseThrow(() -> ApiException.notFound("showtime " + showtimeId));
  }

  Optional<ShowtimeLayout> load(long showtimeId) {
    Showtime showtime = showtimes.selectById(showtimeId);
    if (showtime == null) {
      return Optional.empty();
    }
    Program program = programs.selectById(showtime.programId);
    Cinema cinema = cinemas.selectById(showtime.cinemaId);
    Hall hall = halls.selectById(showtime.hallId);
    if (program == null || cinema == null || hall == null) {
      return Optional.empty();
    }
    TierPrices prices = showtime.prices();
    List<ShowtimeLayout.LayoutSeat> layoutSeats = seats.findByHall(hall.id).stream()
        .map(s -> new ShowtimeLayout.LayoutSeat(s.id, s.rowNo, s.colNo, s.label, s.seatType, s.priceTier,
            prices.priceOf(PriceTier.valueOf(s.priceTier))))
        .toList();
    return Optional.of(new ShowtimeLayout(showtime.id, program.id, program.title, cinema.id, cinema.name,
        CinemaView.zoneOf(cinema), hall.id,
        hall.name, showtime.startsAt, showtime.endsAt, showtime.status, showtime.currency, hall.seatRows,
        hall.seatCols, layoutSeats, showtime.realNameCap == null ? 0 : showtime.realNameCap));
  }
}
