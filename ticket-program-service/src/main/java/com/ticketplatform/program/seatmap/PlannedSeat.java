package com.ticketplatform.program.seatmap;

/** One seat a seat map yields, before it has an id. Rows and columns count from 1. */
public record PlannedSeat(int row, int col, String label, SeatType type, PriceTier tier) {}
