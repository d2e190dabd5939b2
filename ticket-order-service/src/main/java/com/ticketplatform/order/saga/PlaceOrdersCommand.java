package com.ticketplatform.order.saga;

import java.util.List;

/**
 * A batch of accepted orders placed by one saga (state machine {@code placeOrders}, docs/ARCHITECTURE.md §2 "Accepted
 * orders"): each order decided before it starts, as for one order, so every step and compensation re-runs from this
 * alone. {@code batchId} makes the saga's business key.
 */
public record PlaceOrdersCommand(long batchId, List<PlaceOrderCommand> orders) {

  public String businessKey() {
    return "batch-" + batchId;
  }

  public List<Long> orderNos() {
    return orders.stream().map(PlaceOrderCommand::orderNo).toList();
  }
}
