package com.ticketplatform.user.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** DATETIME(3) columns hold UTC wall time; these convert at the edge so the rest of the code speaks Instant. */
public final class Times {

  private Times() {}

  public static LocalDateTime nowUtc(Clock clock) {
    return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  }

  public static Instant toInstant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
