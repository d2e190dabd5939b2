package com.ticketplatform.order.order;

/** The order life cycle (docs/ARCHITECTURE.md §2). Transitions are decided only by {@link Order}. */
public enum OrderStatus {
  PENDING_PAYMENT,
  PAID,
  REFUNDING,
  REFUNDED,
  CANCELLED;

  /** States whose seats are still held (locked or sold) in the inventory. */
  public boolean holdsSeats() {
    return this == PENDING_PAYMENT || this == PAID || this == REFUNDING;
  }
}
