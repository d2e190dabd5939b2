package com.ticketplatform.program.cinema;

/**
 * The halls of a cinema, as far as the cinema needs to know of them. Halls belong to cinemas, not the reverse, so the
 * hall feature implements this (docs/ARCHITECTURE.md §5).
 */
public interface CinemaHalls {

  /** Whether the cinema still has a hall. */
  boolean existIn(long cinemaId);
}
