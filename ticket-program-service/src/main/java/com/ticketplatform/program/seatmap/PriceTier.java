package com.ticketplatform.program.seatmap;

/** A seat's price band; the showtime sets one price per tier. */
public enum PriceTier {
  A, B, C
}
