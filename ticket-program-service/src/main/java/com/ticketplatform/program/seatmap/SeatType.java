package com.ticketplatform.program.seatmap;

/** What a seat is for; COMPANION is the seat beside a wheelchair space, for the person accompanying its user. */
public enum SeatType {
  STANDARD, VIP, WHEELCHAIR, COUPLE, COMPANION
}
