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
  /** 422: a real-name showtime needs one of the buyer's ticket holders on every ticket (docs/ARCHITECTURE.md §12). */
  public static final String HOLDERS_REQUIRED = "HOLDERS_REQUIRED";
  /** 422: holder ids that are not the buyer's, or holders named on a showtime that does not name them. */
  public static final String UNKNOWN_HOLDERS = "UNKNOWN_HOLDERS";
  /** 409: the person named already holds as many tickets of the showtime as one ID number may. */
  public static final String HOLDER_CAP_REACHED = "HOLDER_CAP_REACHED";

  private OrderErrors() {}
}
