package com.ticketplatform.common.event;

import java.time.Instant;

/** Payloads on {@link Topics#PROGRAM_EVENTS} (search indexing, cache eviction), keyed by program id. */
public final class ProgramEvents {

  private ProgramEvents() {}

  /** A program or anything shown with it (showtimes, prices, its cinema) changed; readers reload it. */
  public record ProgramChanged(long programId) {}

  /**
   * A showtime was created, edited, put on sale or cancelled; {@code startsAt} is its start after the change (null in
   * events written before it was carried), so a consumer can tell a moved showtime from its own record of it.
   */
  public record ShowtimeChanged(long programId, long showtimeId, String status, Instant startsAt) {

    public ShowtimeChanged(long programId, long showtimeId, String status) {
      this(programId, showtimeId, status, null);
    }
  }
}
