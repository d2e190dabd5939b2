package com.ticketplatform.order.order;

import java.math.BigDecimal;

/** One seat of an order; {@code holder} is set when its showtime names every ticket's holder, else null. */
public record OrderTicket(long ticketId, long seatId, String seatLabel, BigDecimal price, TicketHolder holder) {

  /** An unnamed ticket. */
  public OrderTicket(long ticketId, long seatId, String seatLabel, BigDecimal price) {
    this(ticketId, seatId, seatLabel, price, null);
  }
}
