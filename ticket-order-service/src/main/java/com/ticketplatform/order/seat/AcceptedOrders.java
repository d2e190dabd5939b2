package com.ticketplatform.order.seat;

/**
 * Orders accepted for placing off the request and not placed yet (docs/ARCHITECTURE.md §2 "Accepted orders"). Their
 * seats are locked in Redis long before their order or claims reach the database, for as long as the queue ahead of
 * them takes: such a lock is no orphan, whatever its age.
 */
public interface AcceptedOrders {

  boolean awaitingPlacement(long orderNo);
}
