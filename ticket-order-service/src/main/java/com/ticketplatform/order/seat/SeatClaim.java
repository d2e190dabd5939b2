package com.ticketplatform.order.seat;

/**
 * One live claim of a seat by an order, as the checks and the saga read it (a row of {@code t_seat_claim} without its
 * timestamps: the claim's time and the showtime's start are written for the purge; converting them for every seat of
 * every live showtime, which the inventory checks read every half minute, was a good part of the checks' cost).
 */
public record SeatClaim(long showtimeId, long seatId, long orderNo, long userId) {}
