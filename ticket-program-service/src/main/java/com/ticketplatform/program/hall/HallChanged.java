package com.ticketplatform.program.hall;

/**
 * A hall was renamed or given a new seat map: what its showtimes show (seat maps, sale info) is stale. Published in
 * the writer's transaction, synchronously, so listeners record their events in it (docs/ARCHITECTURE.md §5).
 */
public record HallChanged(long hallId) {}
