package com.ticketplatform.order.order;

import java.math.BigDecimal;

/**
 * One row of an order joined with one of its tickets ({@link OrderMapper#findWithTickets}): the order's columns, then
 * the ticket's, which are all null for an order without tickets.
 */
public class OrderTicketRow extends OrderRow {
  public Long ticketId;
  public Long seatId;
  public String seatLabel;
  public BigDecimal price;
  public String holderName;
  public String holderIdType;
  public String holderIdMask;

  TicketRow ticket() {
    TicketRow t = new TicketRow();
    t.ticketId = ticketId;
    t.orderNo = orderNo;
    t.userId = userId;
    t.showtimeId = showtimeId;
    t.seatId = seatId;
    t.seatLabel = seatLabel;
    t.price = price;
    t.holderName = holderName;
    t.holderIdType = holderIdType;
    t.holderIdMask = holderIdMask;
    return t;
  }
}
