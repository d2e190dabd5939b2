package com.ticketplatform.order.seat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The orders that hold seats, as far as the seat inventory depends on them: the database's truth it is rebuilt and
 * checked against ({@link InventoryRebuilder}, {@link InventoryWatchdog}, {@link ClaimReaper}). Orders build on seats,
 * not the reverse, so the order feature implements this (docs/ARCHITECTURE.md §5). The showtime queries are
 * broadcasts over every order shard.
 */
public interface SeatHolders {

  /** The order with this number, or empty when none is stored (not yet: its saga may still be running). */
  Optional<SeatHolder> find(long orderNo);

  /** The orders of the showtime that hold seats: locked or sold. */
  List<SeatHolder> holding(long showtimeId);

  /** The numbers of the orders of the showtime that hold seats: locked or sold. */
  Set<Long> holdingOrderNos(long showtimeId);

  /** The numbers of the orders of the showtime whose seats are sold. */
  Set<Long> soldOrderNos(long showtimeId);

  /** Showtimes not yet started at {@code now} with orders that hold seats. */
  List<Long> liveShowtimes(Instant now);

  /**
   * Showtimes not yet started at {@code now} with orders that hold seats, or that gave them back after
   * {@code closedSince} (a Redis rewound to before then shows their holds again).
   */
  List<Long> showtimesToCheck(Instant now, Instant closedSince);
}
