package com.ticketplatform.program.showtime;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The window [from, to) a hall's timetable is asked for: {@code from} defaults to now, {@code to} to
 * {@code from} + {@link #DEFAULT_LENGTH}; it must not be empty nor longer than {@link #MAX_LENGTH}
 * (400 VALIDATION_FAILED).
 */
public record TimetableWindow(Instant from, Instant to) {

  public static final Duration DEFAULT_LENGTH = Duration.ofDays(7);
  public static final Duration MAX_LENGTH = Duration.ofDays(62);

  public static TimetableWindow of(Instant from, Instant to, Clock clock) {
    Instant start = from != null ? from : clock.instant();
    Instant end = to != null ? to : start.plus(DEFAULT_LENGTH);
    if (!start.isBefore(end)) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "from must be before to");
    }
    if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
      throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED,
          "the window may be at most " + MAX_LENGTH.toDays() + " days long");
    }
    return new TimetableWindow(start, end);
  }
}
