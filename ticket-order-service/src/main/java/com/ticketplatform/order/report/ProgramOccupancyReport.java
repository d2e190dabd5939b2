package com.ticketplatform.order.report;

import java.util.List;

/** The occupancy of every showtime of a program that has orders, earliest start first (one {@link OccupancyReport} each). */
public record ProgramOccupancyReport(long programId, List<OccupancyReport> showtimes) {}
