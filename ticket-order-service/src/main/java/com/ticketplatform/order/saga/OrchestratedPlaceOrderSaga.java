package com.ticketplatform.order.saga;

import com.ticketplatform.order.order.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process orchestration of the place-order saga: the same three steps and compensations as the Seata state
 * machine, without its log. Used when the Seata engine is switched off ({@code ticket.order.saga=local}); crash
 * safety then comes from the steps' idempotency, order expiry and the inventory reconcile.
 */
public class OrchestratedPlaceOrderSaga implements PlaceOrderSaga {

  private static final Logger log = LoggerFactory.getLogger(OrchestratedPlaceOrderSaga.class);

  private final PlaceOrderSteps steps;

  public OrchestratedPlaceOrderSaga(PlaceOrderSteps steps) {
    this.steps = steps;
  }

  @Override
  public Order place(PlaceOrderCommand c) {
    steps.lockSeats(c);
    try {
      steps.createOrder(c);
    } catch (RuntimeException e) {
      compensate(c, false);
      throw e;
    }
    try {
      steps.openPayFlow(c);
    } catch (RuntimeException e) {
      compensate(c, true);
      throw e;
    }
    return c.toOrder();
  }

  private void compensate(PlaceOrderCommand c, boolean payFlowAttempted) {
    log.info("saga {}: compensating", c.orderNo());
    if (payFlowAttempted) {
      steps.closePayFlow(c);
    }
    steps.cancelOrder(c);
    steps.releaseSeats(c);
  }
}
