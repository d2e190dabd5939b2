package com.ticketplatform.order.saga;

import com.ticketplatform.order.order.Order;

/**
 * Runs LockSeats → CreateOrder → OpenPayFlow, compensating the steps done (ReleaseSeats, CancelOrder, ClosePayFlow)
 * when a later one fails. Throws {@link com.ticketplatform.common.error.ApiException} with the client-facing reason
 * (seats taken, limit, pay service down) once everything done has been undone.
 */
public interface PlaceOrderSaga {

  Order place(PlaceOrderCommand command);
}
