package com.ticketplatform.order.saga;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.order.seat.SeatRefusal;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.order.order.Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.seata.saga.statelang.domain.ExecutionStatus;
import org.apache.seata.saga.statelang.domain.StateMachineInstance;
import org.apache.seata.saga.engine.StateMachineEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The place-order saga run by the Seata SAGA engine (state machine {@code placeOrder}, DB-backed log, registered
 * with the TC). The business key is the order number, so one order can never have two sagas.
 */
public class SeataPlaceOrderSaga implements PlaceOrderSaga {

  private static final Logger log = LoggerFactory.getLogger(SeataPlaceOrderSaga.class);
  public static final String STATE_MACHINE = "placeOrder";
  public static final String BATCH_STATE_MACHINE = "placeOrders";

  private final StateMachineEngine engine;
  private final PlaceOrderSagaActions actions;
  private final PlaceOrdersSteps together;
  private final SagaRecovery sagaLog;

  public SeataPlaceOrderSaga(StateMachineEngine engine, PlaceOrderSagaActions actions, PlaceOrdersSteps together,
      SagaRecovery sagaLog) {
    this.engine = engine;
    this.actions = actions;
    this.together = together;
    this.sagaLog = sagaLog;
  }

  @Override
  public Order place(PlaceOrderCommand command) {
    Map<String, Object> params = new HashMap<>();
    params.put("command", actions.toJson(command));
    StateMachineInstance instance;
    try {
      instance = engine.startWithBusinessKey(STATE_MACHINE, null, Long.toString(command.orderNo()), params);
    } catch (RuntimeException e) {
      rethrowClientFailure(e);
      // the engine could not run or finish the saga (TC unreachable, log store down); whatever was done is
      // compensated by SagaRecovery once the instance is past its timeout
      log.error("saga for order {} could not run", command.orderNo(), e);
      throw new InDoubt(command.orderNo());
    }
    if (instance.getStatus() == ExecutionStatus.SU) {
      // exactly what CreateOrder wrote: no need to read it back
      return command.toOrder();
    }
    log.info("saga {} for order {} ended {} / compensation {}", instance.getId(), command.orderNo(),
        instance.getStatus(), instance.getCompensationStatus());
    if (instance.getCompensationStatus() != null && instance.getCompensationStatus() != ExecutionStatus.SU) {
      // its compensation did not finish either: recovery finishes it, so what is kept is not known yet
      throw new InDoubt(command.orderNo());
    }
    rethrowClientFailure(instance.getException());
    throw notPlaced();
  }

  @Override
  public Map<Long, RuntimeException> placeTogether(PlaceOrdersCommand asked) {
    Set<Long> recorded;
    try {
      // first, so that an order's outcome can always be found from its number (SagaRecovery#stateOf)
      recorded = sagaLog.recordBatch(asked.businessKey(), asked.orderNos());
    } catch (RuntimeException e) {
      // no saga started: the seats the intake locked are given back, and every order is refused as unavailable
      log.warn("batch {}: the saga log is unavailable: {}", asked.batchId(), e.toString());
      together.releaseSeatsTogether(asked);
      return everyOrder(asked, notPlaced(), Map.of());
    }
    Map<Long, RuntimeException> outcome = new HashMap<>();
    List<PlaceOrderCommand> mine = new ArrayList<>();
    for (PlaceOrderCommand c : asked.orders()) {
      if (recorded.contains(c.orderNo())) {
        mine.add(c);
      } else {
        // another batch's already: never a second saga for one order; that batch's log decides it
        outcome.put(c.orderNo(), new InDoubt(c.orderNo()));
      }
    }
    if (mine.isEmpty()) {
      return outcome;
    }
    PlaceOrdersCommand batch = new PlaceOrdersCommand(asked.batchId(), mine);
    Map<Long, RuntimeException> refused = together.watch(batch.batchId());
    StateMachineInstance instance;
    try {
      Map<String, Object> params = new HashMap<>();
      params.put("batch", actions.toJson(batch));
      instance = engine.startWithBusinessKey(BATCH_STATE_MACHINE, null, batch.businessKey(), params);
    } catch (RuntimeException e) {
      log.error("saga for the batch of orders {} could not run", batch.orderNos(), e);
      return everyOrder(batch, null, outcome);
    } finally {
      together.forget(batch.batchId());
    }
    if (instance.getStatus() == ExecutionStatus.SU) {
      outcome.putAll(refused);
      return outcome;
    }
    log.info("saga {} for the batch {} ended {} / compensation {}", instance.getId(), batch.batchId(),
        instance.getStatus(), instance.getCompensationStatus());
    if (instance.getCompensationStatus() != null && instance.getCompensationStatus() != ExecutionStatus.SU) {
      return everyOrder(batch, null, outcome);
    }
    // compensated as a whole: an order refused on its own keeps its refusal, the others get the step's failure
    ApiException failure = notPlaced();
    for (Throwable t = instance.getException(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ApiException api) {
        failure = api;
        break;
      }
    }
    outcome.putAll(refused);
    return everyOrder(batch, failure, outcome);
  }

  /** {@code outcome} with every order of the batch not in it yet given {@code failure} (null: {@link InDoubt}). */
  private static Map<Long, RuntimeException> everyOrder(PlaceOrdersCommand batch, RuntimeException failure,
      Map<Long, RuntimeException> outcome) {
    Map<Long, RuntimeException> all = new HashMap<>(outcome);
    batch.orderNos().forEach(orderNo -> all.putIfAbsent(orderNo, failure == null ? new InDoubt(orderNo) : failure));
    return all;
  }

  /** The problem of an order the saga did not place and kept nothing of (a failure no step names). */
  public static ApiException notPlaced() {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
        "the order could not be placed right now; nothing was charged or kept");
  }

  /**
   * The engine could not run or finish the saga: what it did is compensated by recovery once the instance is past its
   * timeout, so the order's outcome is not known yet (503 for a direct order; an accepted one waits for the log).
   */
  public static final class InDoubt extends ApiException {
    private final long orderNo;

    InDoubt(long orderNo) {
      super(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
          "ordering is unavailable right now; try again shortly");
      this.orderNo = orderNo;
    }

    public long orderNo() {
      return orderNo;
    }
  }

  /** A step's outcome for the client (seats taken, limit...) is the answer once the saga has been compensated. */
  private static void rethrowClientFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SeatRefusal refusal) {
        throw refusal;
      }
      if (t instanceof ApiException api) {
        throw api;
      }
    }
  }
}
