package com.ticketplatform.order.seat;

import java.time.Instant;

/** One live claim of a seat by an order (a row of {@code t_seat_claim}). */
public record SeatClaim(long showtimeId, long seatId, long orderNo, long userId, Instant claimedAt) {}
