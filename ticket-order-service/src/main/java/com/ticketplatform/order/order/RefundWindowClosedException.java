package com.ticketplatform.order.order;

/** The refund policy's window has closed (the show is near or has started): a paid order stays paid. */
public class RefundWindowClosedException extends RuntimeException {

  public RefundWindowClosedException(long orderNo) {
    super("order " + orderNo + " can no longer be refunded");
  }
}
