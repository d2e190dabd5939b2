package com.ticketplatform.order.seat;

import java.time.Instant;

/**
 * One live claim of a seat by an order (a row of {@code t_seat_claim}, columns in this order); {@code startsAt} is the
 * showtime's start (null on claims written before it was kept).
 */
public record SeatClaim(long showtimeId, long seatId, long orderNo, long userId, Instant claimedAt,
    Instant startsAt) {}
