package com.ticketplatform.order.seat;

import java.util.List;

/**
 * What the lock script decided. {@code seats} are the conflicting (or unknown) seats; {@code held} for LIMIT;
 * {@code keyRecord} for KEY_USED: what the Idempotency-Key recorded when it was first used.
 */
public record LockResult(Outcome outcome, List<Long> seats, long held, String keyRecord) {

  public enum Outcome { LOCKED, TAKEN, LIMIT_EXCEEDED, UNKNOWN_SEATS, NOT_INITIALISED, KEY_USED }

  public LockResult(Outcome outcome, List<Long> seats, long held) {
    this(outcome, seats, held, null);
  }

  static LockResult keyUsed(String keyRecord) {
    return new LockResult(Outcome.KEY_USED, List.of(), 0, keyRecord);
  }

  public boolean locked() {
    return outcome == Outcome.LOCKED;
  }
}
