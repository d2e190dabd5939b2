package com.ticketplatform.order.seat;

import java.time.Instant;
import java.util.List;

/**
 * An order as the seat inventory judges it ({@link SeatHolders}): its buyer, its seats, its showtime's start and
 * whether the seats are locked for it, sold to it or given back.
 */
public record SeatHolder(long orderNo, long userId, List<Long> seatIds, Instant showtimeStartsAt, Hold hold) {

  public enum Hold {
    /** Awaiting payment: its seats are locked ({@code L:} in the inventory). */
    LOCKED,
    /** Paid, or paid and being refunded: its seats are sold ({@code S:}). */
    SOLD,
    /** Cancelled (by its buyer, by expiry, by its saga's compensation) or refunded: its seats are given back. */
    RELEASED
  }

  public SeatHolder {
    seatIds = List.copyOf(seatIds);
  }

  public boolean released() {
    return hold == Hold.RELEASED;
  }
}
