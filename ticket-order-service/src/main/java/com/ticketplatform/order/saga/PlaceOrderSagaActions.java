package com.ticketplatform.order.saga;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * What the Seata state machine calls (bean {@code placeOrderSagaActions}, see statelang/place_order.json). The
 * command travels as JSON text so the engine's own serializer only ever stores a string in its log, and a saga
 * recovered after a crash re-reads exactly what the first attempt used.
 */
public class PlaceOrderSagaActions {

  private final PlaceOrderSteps steps;
  private final ObjectMapper json;

  public PlaceOrderSagaActions(PlaceOrderSteps steps, ObjectMapper json) {
    this.steps = steps;
    this.json = json;
  }

  public String toJson(PlaceOrderCommand command) {
    try {
      return json.writeValueAsString(command);
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
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
}
