package com.ticketplatform.order.seat;

import java.util.List;

/**
 * Why seats cannot be had, as the domain says it: thrown by the saga's LockSeats step (so the engine compensates) and
 * by the checks before it, and turned into the one problem a client sees by {@code SeatProblems}.
 */
public final class SeatRefusal extends RuntimeException {

  public enum Reason {
    /** Other orders hold some of the seats: {@link #seatIds()} says which. */
    TAKEN,
    /** Some seats are not part of the showtime: {@link #seatIds()} says which. */
    UNKNOWN,
    /** More seats than one buyer may hold: {@link #limit()}, and {@link #held()} already held (-1: in one order). */
    OVER_LIMIT,
    /** The showtime's seat inventory cannot be read right now. */
    INVENTORY_UNAVAILABLE,
    /**
     * A real-name showtime's per-ID cap: the people named on {@link #seatIds()} already hold {@link #limit()} tickets
     * of the showtime (in any account).
     */
    HOLDER_CAP_REACHED
  }

  private final Reason reason;
  private final transient List<Long> seatIds;
  private final int limit;
  private final int held;

  private SeatRefusal(Reason reason, List<Long> seatIds, int limit, int held) {
    // an outcome, not a fault: no stack trace
    super(reason.name(), null, false, false);
    this.reason = reason;
    this.seatIds = List.copyOf(seatIds);
    this.limit = limit;
    this.held = held;
  }

  public static SeatRefusal taken(List<Long> seatIds) {
    return new SeatRefusal(Reason.TAKEN, seatIds, 0, 0);
  }

  public static SeatRefusal unknown(List<Long> seatIds) {
    return new SeatRefusal(Reason.UNKNOWN, seatIds, 0, 0);
  }

  public static SeatRefusal overLimit(int limit, int held) {
    return new SeatRefusal(Reason.OVER_LIMIT, List.of(), limit, held);
  }

  public static SeatRefusal holderCapReached(List<Long> seatIds, int cap) {
    return new SeatRefusal(Reason.HOLDER_CAP_REACHED, seatIds, cap, 0);
  }

  public static SeatRefusal inventoryUnavailable() {
    return new SeatRefusal(Reason.INVENTORY_UNAVAILABLE, List.of(), 0, 0);
  }

  public Reason reason() {
    return reason;
  }

  public List<Long> seatIds() {
    return seatIds;
  }

  public int limit() {
    return limit;
  }

  public int held() {
    return held;
  }
}
