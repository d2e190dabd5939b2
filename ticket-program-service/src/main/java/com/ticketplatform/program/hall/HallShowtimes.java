package com.ticketplatform.program.hall;

import java.util.List;

/**
 * The showtimes scheduled in a hall, as far as changing or deleting the hall depends on them. Showtimes build on
 * halls, not the reverse, so the showtime feature implements this (docs/ARCHITECTURE.md §5). Every method runs in the
 * caller's transaction, with the hall row locked.
 */
public interface HallShowtimes {

  /** Refuses a new seat map (409 {@link HallService#HALL_ON_SALE}) while a showtime in the hall is on sale. */
  void checkSeatMapMayChange(long hallId);

  /**
   * After the seat map was replaced: drops the seat inventory a scheduled showtime may carry from an on-sale attempt
   * that did not commit, stale now; 409 {@link HallService#HALL_HAS_SALES} when one has locked or sold seats.
   */
  void seatMapChanged(long hallId);

  /**
   * Deletes every showtime of the hall with its seat inventory and announces each as cancelled, or refuses (409
   * {@link HallService#HALL_HAS_SALES}, nothing removed) when one has locked or sold seats. {@code seatIds}, the
   * hall's seats, bring the removed inventories back if the deletion does not commit.
   */
  void deleteAll(long hallId, List<Long> seatIds);
}
