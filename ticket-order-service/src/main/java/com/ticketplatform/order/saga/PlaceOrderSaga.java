package com.ticketplatform.order.saga;

import com.ticketplatform.order.order.Order;

/**
 * Runs LockSeats → CreateOrder → OpenPayFlow, compensating the steps done (ReleaseSeats, CancelOrder, ClosePayFlow)
 * when a later one fails. Throws {@link com.ticketplatform.common.error.ApiException} with the client-facing reason
 * (seats taken, limit, pay service down) once everything done has been undone.
 */
public interface PlaceOrderSaga {

  Order place(PlaceOrderCommand command);

  /**
   * Places a batch of accepted orders with one saga (docs/ARCHITECTURE.md §2 "Accepted orders"). Answers, for each
   * order of the batch that was not placed, the refusal its buyer gets, or {@link SeataPlaceOrderSaga.InDoubt} when
   * what was kept is not known yet (a saga's log decides later); every other order was placed.
   */
  java.util.Map<Long, RuntimeException> placeTogether(PlaceOrdersCommand batch);
}
