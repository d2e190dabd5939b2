package com.ticketplatform.notify.notice;

/**
 * What a user is told (docs/ARCHITECTURE.md §14). Reminders can be turned off by the user; receipts (what happened
 * to their order or their money) cannot.
 */
public enum NoticeKind {
  ORDER_CONFIRMED(false),
  PAYMENT_FAILED(false),
  HOLD_EXPIRING(true),
  SHOW_REMINDER(true),
  SHOWTIME_CANCELLED(false),
  SHOWTIME_MOVED(false),
  REFUND_COMPLETED(false);

  private final boolean reminder;

  NoticeKind(boolean reminder) {
    this.reminder = reminder;
  }

  /** Whether a user who turned reminders off is spared it. */
  public boolean isReminder() {
    return reminder;
  }
}
