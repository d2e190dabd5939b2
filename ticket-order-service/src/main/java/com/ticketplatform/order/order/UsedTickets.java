package com.ticketplatform.order.order;

/**
 * Whether a ticket of an order has been used at the door: a used ticket is never refunded (docs/ARCHITECTURE.md
 * §12). The door (the e-ticket feature, above the order) answers it.
 */
@FunctionalInterface
public interface UsedTickets {

  boolean anyUsed(long orderNo);
}
