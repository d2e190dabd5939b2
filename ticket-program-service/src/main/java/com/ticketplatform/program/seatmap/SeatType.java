package com.ticketplatform.program.seatmap;

public enum SeatType {
  STANDARD, VIP, WHEELCHAIR, COUPLE
}
