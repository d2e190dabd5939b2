package com.ticketplatform.program.showtime;

public enum ShowtimeStatus {
  SCHEDULED, ON_SALE, CANCELLED, FINISHED;

  /** Whether the showtime still occupies its hall (a cancelled one frees the slot). */
  public boolean occupiesHall() {
    return this != CANCELLED;
  }
}
