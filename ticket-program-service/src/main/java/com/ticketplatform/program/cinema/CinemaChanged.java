package com.ticketplatform.program.cinema;

/**
 * A cinema was renamed, moved or put in another time zone: every program and seat map showing there displays it.
 * Published in the writer's transaction, synchronously, so listeners record their events in it
 * (docs/ARCHITECTURE.md §5).
 */
public record CinemaChanged(long cinemaId) {}
