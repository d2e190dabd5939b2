package com.ticketplatform.order.intake;

import com.ticketplatform.order.placement.PlaceOrderService;
import com.ticketplatform.order.saga.SagaRecovery;
import org.springframework.stereotype.Component;

/**
 * How an accepted order's placement ended, when its intent cannot say (re-delivered after a crash, its status lost
 * with Redis, swept): the saga's log first, since an order row alone may belong to a saga still in doubt that its
 * recovery will undo; the order itself only where no log is left.
 */
@Component
class PlacementOutcomes {

  enum Outcome {
    /** The saga finished forward: the order stands. */
    PLACED,
    /** The saga has not finished (running, or crashed and waiting for its recovery): nothing to decide yet. */
    RUNNING,
    /** The saga was compensated: nothing of it is kept. */
    UNDONE,
    /** No placement ever started. */
    NONE
  }

  private final SagaRecovery sagas;
  private final PlaceOrderService placing;

  PlacementOutcomes(SagaRecovery sagas, PlaceOrderService placing) {
    this.sagas = sagas;
    this.placing = placing;
  }

  Outcome of(long orderNo) {
    return switch (sagas.stateOf(orderNo)) {
      // a batch's saga may have refused this order within a step (no order, or its rollback tombstone)
      case SUCCEEDED -> placing.placed(orderNo).isPresent() ? Outcome.PLACED : Outcome.UNDONE;
      case RUNNING -> Outcome.RUNNING;
      case UNDONE -> Outcome.UNDONE;
      // no log (purged by retention, or never written): the order decides, a rollback tombstone not counting
      case NONE -> placing.placed(orderNo).isPresent() ? Outcome.PLACED : Outcome.NONE;
    };
  }
}
