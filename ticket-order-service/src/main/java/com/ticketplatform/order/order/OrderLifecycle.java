package com.ticketplatform.order.order;

import com.ticketplatform.client.pay.PayClient;
import com.ticketplatform.client.pay.PayFlowView;
import com.ticketplatform.client.pay.RefundRequest;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.order.seat.InventoryRebuilder;
import com.ticketplatform.order.seat.SeatClaims;
import com.ticketplatform.order.seat.SeatInventory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Everything that moves an existing order: cancel (buyer or expiry), payment, refund. The state change and its event
 * commit first (one shard transaction); seat and pay-flow side effects follow, each idempotent, so a crash between
 * them is repaired by a repeat (the sweep, a redelivered event, the inventory reconcile). Seats are given back in
 * Redis first and in the database ({@link SeatClaims}) last: a claim left by a crash in between is found and
 * finished by the {@link com.ticketplatform.order.seat.ClaimReaper}.
 */
@Service
public class OrderLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);
  public static final String REASON_USER = "USER_CANCELLED";
  public static final String REASON_EXPIRED = "EXPIRED";
  public static final String REASON_SEATS_LOST = "SEATS_LOST";
  public static final String REASON_SHOWTIME_CANCELLED = "SHOWTIME_CANCELLED";
  /** The pay flow's status once no money can reach it any more. */
  static final String PAY_FLOW_CLOSED = "CLOSED";

  private final OrderTransitions transitions;
  private final OrderRepository orders;
  private final SeatInventory inventory;
  private final SeatClaims claims;
  private final InventoryRebuilder rebuilder;
  private final PayClient pay;
  private final UsedTickets usedTickets;
  private final RefundPolicy refunds;
  private final Clock clock;

  public OrderLifecycle(OrderTransitions transitions, OrderRepository orders, SeatInventory inventory,
      SeatClaims claims, InventoryRebuilder rebuilder, PayClient pay, UsedTickets usedTickets, RefundPolicy refunds,
      Clock clock) {
    this.refunds = refunds;
    this.claims = claims;
    this.rebuilder = rebuilder;
    this.transitions = transitions;
    this.orders = orders;
    this.inventory = inventory;
    this.pay = pay;
    this.usedTickets = usedTickets;
    this.clock = clock;
  }

  /** The buyer cancels an unpaid order. Cancelling a cancelled order again is a success. */
  public Order cancelByUser(Order current) {
    if (current.status() == OrderStatus.CANCELLED) {
      return current;
    }
    Optional<OrderTransitions.Result> result = transitions.apply(current.orderNo(), o -> {
      if (o.status() != OrderStatus.PENDING_PAYMENT) {
        return OrderTransitions.Decision.none();
      }
      o.cancel(REASON_USER, clock.instant());
      return OrderTransitions.Decision.apply(OrderEventPayloads.cancelled(o));
    });
    Order after = result.orElseThrow().order();
    if (after.status() != OrderStatus.CANCELLED) {
      throw ApiException.conflict(OrderErrors.ORDER_NOT_CANCELLABLE, "order is " + after.status());
    }
    releaseAndClose(after);
    return after;
  }

  /**
   * Cancels the order if it is still unpaid and its window has closed by the injected clock. The pay flow decides
   * first: once closed it can take no more money, and only then does the order go. A flow the money already reached
   * (the provider's callback was applied, its PaymentSucceeded has not reached us yet) keeps the order for that event;
   * a pay service that does not answer keeps it for the next sweep. Our own lag never cancels a paid order.
   */
  public boolean expireIfDue(long orderNo) {
    Instant now = clock.instant();
    Optional<Order> due = orders.find(orderNo).filter(o -> o.isExpired(now));
    if (due.isEmpty()) {
      return false;
    }
    PayFlowView flow;
    try {
      flow = pay.close(orderNo);
    } catch (RuntimeException e) {
      log.warn("order {} is due to expire but its pay flow could not be closed; the next sweep retries: {}", orderNo,
          e.toString());
      return false;
    }
    if (flow != null && !PAY_FLOW_CLOSED.equals(flow.status())) {
      log.warn("order {} is past its window but its pay flow is {}: kept for its payment event", orderNo,
          flow.status());
      return false;
    }
    Optional<OrderTransitions.Result> result = transitions.apply(orderNo, o -> {
      if (!o.isExpired(now)) {
        return OrderTransitions.Decision.none();
      }
      o.cancel(REASON_EXPIRED, now);
      return OrderTransitions.Decision.apply(OrderEventPayloads.cancelled(o));
    });
    if (result.isPresent() && result.get().changed()) {
      Order o = result.get().order();
      inventory.releaseLocked(o.showtimeId(), o.orderNo(), o.userId(), o.seatIds());
      claims.release(o.showtimeId(), o.orderNo(), o.userId());
      log.info("order {} expired unpaid", orderNo);
      return true;
    }
    return false;
  }

  private void releaseAndClose(Order o) {
    inventory.releaseLocked(o.showtimeId(), o.orderNo(), o.userId(), o.seatIds());
    claims.release(o.showtimeId(), o.orderNo(), o.userId());
    try {
      pay.close(o.orderNo());
    } catch (RuntimeException e) {
      log.warn("closing pay flow of cancelled order {} failed (a late payment will be refunded): {}", o.orderNo(),
          e.toString());
    }
  }

  /** PaymentSucceeded: sell the seats, then PAID. A payment for an order that is no longer payable is refunded. */
  public void onPaymentSucceeded(String eventId, long orderNo, String paymentId, Instant paidAt) {
    Optional<Order> loaded = orders.find(orderNo);
    if (loaded.isEmpty()) {
      log.warn("payment {} for unknown order {} ignored", paymentId, orderNo);
      return;
    }
    Order order = loaded.get();
    if (order.status() == OrderStatus.PENDING_PAYMENT) {
      SeatInventory.SellResult sold = inventory.sell(order.showtimeId(), orderNo, order.userId(), order.seatIds());
      if (sold.notInitialised()) {
        // Redis lost the showtime: rebuild it from the order shards (this order's lock included) and sell again;
        // a paying customer must not be refunded because of a cache restart
        rebuilder.rebuildIfMissing(order.showtimeId());
        sold = inventory.sell(order.showtimeId(), orderNo, order.userId(), order.seatIds());
        if (sold.notInitialised()) {
          // no inventory to rebuild (the showtime is no longer on sale): the database decides, never an endless retry
          boolean held = claims.holdsAll(order.showtimeId(), orderNo, order.userId(), order.seatIds());
          log.warn("order {} paid while showtime {} has no seat inventory; its seat claims {}", orderNo,
              order.showtimeId(), held ? "hold: sold" : "are missing: refunded");
          sold = new SeatInventory.SellResult(held, false, held ? List.of() : order.seatIds());
        }
      }
      if (!sold.sold() && claims.holdsAll(order.showtimeId(), orderNo, order.userId(), order.seatIds())) {
        // Redis lost or rewound this order's locks, but the database says the seats are its own: Redis is repaired
        rebuilder.restoreClaims(order.showtimeId(), claims.ofShowtime(order.showtimeId()).stream()
            .filter(c -> c.orderNo() == orderNo).toList());
        sold = inventory.sell(order.showtimeId(), orderNo, order.userId(), order.seatIds());
      }
      if (!sold.sold()) {
        // the seats are not ours any more (expired and re-sold, inventory rebuilt): never sell twice; refund
        log.warn("order {} paid but its seats are gone {}; cancelling and refunding", orderNo, sold.lostSeats());
        transitions.apply(orderNo, eventId, "PaymentSucceeded", o -> {
          if (o.status() != OrderStatus.PENDING_PAYMENT) {
            return OrderTransitions.Decision.none();
          }
          o.cancel(REASON_SEATS_LOST, clock.instant());
          return OrderTransitions.Decision.apply(OrderEventPayloads.cancelled(o));
        });
        inventory.releaseLocked(order.showtimeId(), orderNo, order.userId(), order.seatIds());
        claims.release(order.showtimeId(), orderNo, order.userId());
        refund(orderNo, "seats no longer available");
        return;
      }
      Optional<OrderTransitions.Result> paid = transitions.apply(orderNo, eventId, "PaymentSucceeded", o -> {
        if (o.status() != OrderStatus.PENDING_PAYMENT) {
          return OrderTransitions.Decision.none();
        }
        o.markPaid(paymentId, paidAt);
        return OrderTransitions.Decision.apply(OrderEventPayloads.paid(o));
      });
      if (paid.isPresent() && paid.get().order().status() == OrderStatus.CANCELLED) {
        // lost the race against expiry or the buyer's cancel after selling: undo the sale, return the money
        inventory.releaseSold(order.showtimeId(), orderNo, order.userId(), order.seatIds());
        refund(orderNo, "payment arrived after cancellation");
      }
      return;
    }
    if (order.status() == OrderStatus.CANCELLED) {
      refund(orderNo, "payment arrived after cancellation");
    }
    // PAID, REFUNDING, REFUNDED: a repeated delivery, nothing to do
  }

  private void refund(long orderNo, String reason) {
    try {
      pay.refund(orderNo, new RefundRequest(reason));
      log.info("order {}: refund requested ({})", orderNo, reason);
    } catch (RuntimeException e) {
      // rethrown so the Kafka listener retries the event: a late payment must not be silently kept
      throw new IllegalStateException("refund of order " + orderNo + " failed", e);
    }
  }

  /**
   * The buyer asks for a refund of a paid order while the refund policy allows it (before the show, longer after a
   * move). Repeating it re-sends the request.
   */
  public Order requestRefund(Order current) {
    if (current.status() == OrderStatus.PAID) {
      Instant now = clock.instant();
      OrderTransitions.Result result = transitions.apply(current.orderNo(), o -> {
        if (o.status() != OrderStatus.PAID) {
          return OrderTransitions.Decision.none();
        }
        // read after the order: an admission commits a new order version first, so one that slips in between makes
        // this transition miss its version and decide again, seeing the used ticket
        if (usedTickets.anyUsed(o.orderNo())) {
          throw ApiException.unprocessable(OrderErrors.ORDER_NOT_REFUNDABLE,
              "a ticket of this order has been used at the door");
        }
        try {
          o.requestRefund(now, refunds);
        } catch (RefundWindowClosedException e) {
          throw ApiException.unprocessable(OrderErrors.ORDER_NOT_REFUNDABLE,
              "refunds closed at " + o.refundableUntil(refunds));
        }
        return OrderTransitions.Decision.apply(null);
      }).orElseThrow();
      current = result.order();
    }
    if (current.status() != OrderStatus.REFUNDING) {
      throw ApiException.conflict(OrderErrors.ORDER_NOT_REFUNDABLE, "order is " + current.status());
    }
    try {
      pay.refund(current.orderNo(), new RefundRequest("requested by buyer"));
    } catch (RuntimeException e) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
          "the refund is recorded but the payment service did not answer; retry later");
    }
    return current;
  }

  /**
   * The order's showtime was cancelled (docs/ARCHITECTURE.md §2): an unpaid order is cancelled once its pay flow is
   * closed (a flow the money already reached keeps the order for its payment, which then makes it PAID and the next
   * pass refunds it); a paid order is refunded in full through the pay service, however late and whatever was used; a
   * refund already asked for is asked again (the pay service refunds a flow once). Safe to repeat, on any instance.
   *
   * @return the order's status afterwards
   */
  public Optional<OrderStatus> settleForCancelledShowtime(long orderNo) {
    Optional<Order> found = orders.find(orderNo);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Order order = found.get();
    Instant now = clock.instant();
    switch (order.status()) {
      case PENDING_PAYMENT -> {
        PayFlowView flow = pay.close(orderNo);
        if (flow != null && !PAY_FLOW_CLOSED.equals(flow.status())) {
          return Optional.of(OrderStatus.PENDING_PAYMENT);
        }
        Optional<OrderTransitions.Result> result = transitions.apply(orderNo, o -> {
          if (o.status() != OrderStatus.PENDING_PAYMENT) {
            return OrderTransitions.Decision.none();
          }
          o.cancel(REASON_SHOWTIME_CANCELLED, now);
          return OrderTransitions.Decision.apply(OrderEventPayloads.cancelled(o));
        });
        result.filter(OrderTransitions.Result::changed).map(OrderTransitions.Result::order).ifPresent(o -> {
          inventory.releaseLocked(o.showtimeId(), o.orderNo(), o.userId(), o.seatIds());
          claims.release(o.showtimeId(), o.orderNo(), o.userId());
        });
        return result.map(r -> r.order().status());
      }
      case PAID, REFUNDING -> {
        Order refunding = transitions.apply(orderNo, o -> {
          if (o.status() != OrderStatus.PAID) {
            return OrderTransitions.Decision.none();
          }
          o.refundBecauseShowtimeCancelled(now);
          return OrderTransitions.Decision.apply(null);
        }).orElseThrow().order();
        if (refunding.status() == OrderStatus.REFUNDING) {
          pay.refund(orderNo, new RefundRequest("showtime cancelled"));
        }
        return Optional.of(refunding.status());
      }
      default -> {
        return Optional.of(order.status());
      }
    }
  }

  /** PaymentRefunded: REFUNDING → REFUNDED, the seats go back on sale. */
  public void onPaymentRefunded(String eventId, long orderNo) {
    Optional<OrderTransitions.Result> result = transitions.apply(orderNo, eventId, "PaymentRefunded", o -> {
      if (o.status() != OrderStatus.REFUNDING) {
        return OrderTransitions.Decision.none();
      }
      o.markRefunded(clock.instant());
      return OrderTransitions.Decision.apply(OrderEventPayloads.refunded(o));
    });
    result.filter(r -> r.order().status() == OrderStatus.REFUNDED).ifPresent(r -> {
      inventory.releaseSold(r.order().showtimeId(), orderNo, r.order().userId(), r.order().seatIds());
      claims.release(r.order().showtimeId(), orderNo, r.order().userId());
    });
  }
}
