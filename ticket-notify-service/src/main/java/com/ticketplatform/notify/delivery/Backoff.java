package com.ticketplatform.notify.delivery;

import java.time.Duration;

/** How long a failed delivery waits before its next attempt: doubling from the first pause, capped. */
public record Backoff(Duration first, Duration max) {

  /** The pause after the {@code failures}-th failed attempt (1 for the first). */
  public Duration after(int failures) {
    if (failures <= 1) {
      return min(first, max);
    }
    int doublings = Math.min(failures - 1, 30);
    Duration pause = first.multipliedBy(1L << doublings);
    return pause.isNegative() ? max : min(pause, max);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
