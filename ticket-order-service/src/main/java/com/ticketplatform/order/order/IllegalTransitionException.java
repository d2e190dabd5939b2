package com.ticketplatform.order.order;

/** A transition the order life cycle does not allow; callers map it to 409 or treat it as "already done". */
public class IllegalTransitionException extends RuntimeException {

  private final OrderStatus from;
  private final OrderStatus to;

  public IllegalTransitionException(OrderStatus from, OrderStatus to) {
    super("order cannot go from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  public OrderStatus from() {
    return from;
  }

  public OrderStatus to() {
    return to;
  }
}
