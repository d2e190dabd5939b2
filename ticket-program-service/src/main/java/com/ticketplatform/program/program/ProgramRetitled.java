package com.ticketplatform.program.program;

/**
 * A program's title changed: the seat maps and sale info of its showtimes carry it. Published in the writer's
 * transaction, synchronously, so listeners record their events in it (docs/ARCHITECTURE.md §5).
 */
public record ProgramRetitled(long programId) {}
