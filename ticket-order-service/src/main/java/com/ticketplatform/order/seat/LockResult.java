package com.ticketplatform.order.seat;

import java.util.List;

/** What the lock script decided. {@code seats} are the conflicting (or unknown) seats; {@code held} for LIMIT. */
public record LockResult(Outcome outcome, List<Long> seats, long held) {

  public enum Outcome { LOCKED, TAKEN, LIMIT_EXCEEDED, UNKNOWN_SEATS, NOT_INITIALISED }

  public boolean locked() {
    return outcome == Outcome.LOCKED;
  }
}
