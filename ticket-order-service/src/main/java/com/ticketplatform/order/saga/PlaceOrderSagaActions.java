package com.ticketplatform.order.saga;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * What the Seata state machines call (bean {@code placeOrderSagaActions}, see statelang/place_order.json and
 * place_orders.json). The
 * command travels as JSON text so the engine's own serializer only ever stores a string in its log, and a saga
 * recovered after a crash re-reads exactly what the first attempt used.
 */
public class PlaceOrderSagaActions {

  private final PlaceOrderSteps steps;
  private final PlaceOrdersSteps together;
  private final ObjectMapper json;

  public PlaceOrderSagaActions(PlaceOrderSteps steps, PlaceOrdersSteps together, ObjectMapper json) {
    this.steps = steps;
    this.together = together;
    this.json = json;
  }

  /** A single order's command, or a batch's ({@link PlaceOrdersCommand}). */
  public String toJson(Object command) {
    try {
      return json.writeValueAsString(command);
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }

  private PlaceOrdersCommand readBatch(String batch) {
    try {
      return json.readValue(batch, PlaceOrdersCommand.class);
    } catch (JacksonException e) {
      throw new IllegalStateException("unreadable saga batch", e);
    }
  }

  private PlaceOrderCommand read(String command) {
    try {
      return json.readValue(command, PlaceOrderCommand.class);
    } catch (JacksonException e) {
      throw new IllegalStateException("unreadable saga command", e);
    }
  }

  public boolean lockSeats(String command) {
    return steps.lockSeats(read(command));
  }

  public boolean releaseSeats(String command) {
    return steps.releaseSeats(read(command));
  }

  public boolean createOrder(String command) {
    return steps.createOrder(read(command));
  }

  public boolean cancelOrder(String command) {
    return steps.cancelOrder(read(command));
  }

  public boolean openPayFlow(String command) {
    return steps.openPayFlow(read(command));
  }

  public boolean closePayFlow(String command) {
    return steps.closePayFlow(read(command));
  }

  // ---- a batch of accepted orders (statelang/place_orders.json) ----

  public boolean lockSeatsTogether(String batch) {
    return together.lockSeatsTogether(readBatch(batch));
  }

  public boolean releaseSeatsTogether(String batch) {
    return together.releaseSeatsTogether(readBatch(batch));
  }

  public boolean createOrdersTogether(String batch) {
    return together.createOrdersTogether(readBatch(batch));
  }

  public boolean cancelOrdersTogether(String batch) {
    return together.cancelOrdersTogether(readBatch(batch));
  }

  public boolean openPayFlowsTogether(String batch) {
    return together.openPayFlowsTogether(readBatch(batch));
  }

  public boolean closePayFlowsTogether(String batch) {
    return together.closePayFlowsTogether(readBatch(batch));
  }
}
