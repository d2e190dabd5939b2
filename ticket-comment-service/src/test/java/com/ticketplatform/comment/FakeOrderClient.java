package com.ticketplatform.comment;

import com.ticketplatform.client.order.OrderClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** In-process stand-in for the order service's internal API (the outside boundary of this service). */
public class FakeOrderClient implements OrderClient {

  private final Set<String> purchases = ConcurrentHashMap.newKeySet();
  final AtomicInteger calls = new AtomicInteger();
  /** Programs for which the order service is "down" (the call fails like an open circuit would). */
  final Set<Long> failingPrograms = ConcurrentHashMap.newKeySet();

  void purchased(long userId, long programId) {
    purchases.add(userId + ":" + programId);
  }

  @Override
  public PurchaseCheck hasPurchased(long userId, long programId) {
    calls.incrementAndGet();
    if (failingPrograms.contains(programId)) {
      throw new IllegalStateException("order service unavailable");
    }
    return new PurchaseCheck(userId, programId, purchases.contains(userId + ":" + programId));
  }

  @Override
  public OrderState state(long orderNo) {
    throw new UnsupportedOperationException("the comment service never asks for an order's state");
  }

  @Override
  public OrderStates states(OrderStatesQuery query) {
    throw new UnsupportedOperationException("the comment service never reconciles orders");
  }

  @Override
  public InventoryRebuild rebuildInventoryIfMissing(long showtimeId) {
    throw new UnsupportedOperationException("the comment service never rebuilds a seat inventory");
  }

  @Override
  public OrderTickets tickets(long orderNo) {
    throw new UnsupportedOperationException("the comment service never reads e-tickets");
  }
}
