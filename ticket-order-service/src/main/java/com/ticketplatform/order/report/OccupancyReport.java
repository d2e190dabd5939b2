package com.ticketplatform.order.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Seats of one showtime: {@code sold} (paid, or paid and being refunded), {@code held} (locked by unpaid orders),
 * {@code available} the rest of the hall; {@code occupancy} = sold / capacity; {@code revenue} the sold seats' prices.
 */
public record OccupancyReport(long showtimeId, long programId, String programTitle, Instant startsAt, int capacity,
    long sold, long held, long available, BigDecimal occupancy, BigDecimal revenue, String currency) {}
