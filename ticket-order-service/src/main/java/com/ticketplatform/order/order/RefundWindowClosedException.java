package com.ticketplatform.order.order;

/** The showtime has started: a paid order can no longer be refunded. */
public class RefundWindowClosedException extends RuntimeException {

  public RefundWindowClosedException(long orderNo) {
    super("order " + orderNo + " can no longer be refunded: the showtime has started");
  }
}
