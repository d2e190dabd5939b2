package com.ticketplatform.order.order;

/** Problem codes raised by the order service (shared ones are in ErrorCodes). */
public final class OrderErrors {

  public static final String SEATS_TAKEN = "SEATS_TAKEN";
  /** 503 + Retry-After: every placement turn stayed taken (admission control); nothing was reserved. */
  public static final String ORDERING_BUSY = "ORDERING_BUSY";
  public static final String SEAT_LIMIT_EXCEEDED = "SEAT_LIMIT_EXCEEDED";
  public static final String UNKNOWN_SEATS = "UNKNOWN_SEATS";
  public static final String SHOWTIME_NOT_ON_SALE = "SHOWTIME_NOT_ON_SALE";
  public static final String SHOWTIME_NOT_FOUND = "SHOWTIME_NOT_FOUND";
  public static final String INVENTORY_UNAVAILABLE = "INVENTORY_UNAVAILABLE";
  public static final String ORDER_NOT_CANCELLABLE = "ORDER_NOT_CANCELLABLE";
  public static final String ORDER_NOT_PAYABLE = "ORDER_NOT_PAYABLE";
  public static final String ORDER_NOT_REFUNDABLE = "ORDER_NOT_REFUNDABLE";

  private OrderErrors() {}
}
