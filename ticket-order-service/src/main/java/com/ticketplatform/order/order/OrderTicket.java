package com.ticketplatform.order.order;

import java.math.BigDecimal;

/** One seat of an order. */
public record OrderTicket(long ticketId, long seatId, String seatLabel, BigDecimal price) {}
