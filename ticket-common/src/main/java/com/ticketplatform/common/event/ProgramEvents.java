package com.ticketplatform.common.event;

/** Payloads on {@link Topics#PROGRAM_EVENTS} (search indexing, cache eviction), keyed by program id. */
public final class ProgramEvents {

  private ProgramEvents() {}

  /** A program or anything shown with it (showtimes, prices, its cinema) changed; readers reload it. */
  public record ProgramChanged(long programId) {}

  public record ShowtimeChanged(long programId, long showtimeId, String status) {}
}
