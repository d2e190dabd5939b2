package com.ticketplatform.order.saga;

import com.ticketplatform.client.pay.OpenPayFlowRequest;
import com.ticketplatform.client.pay.PayClient;
import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.common.error.ErrorCodes;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.order.expiry.ExpiryScheduler;
import com.ticketplatform.order.order.Order;
import com.ticketplatform.order.order.OrderEventPayloads;
import com.ticketplatform.order.order.OrderMetrics;
import com.ticketplatform.order.order.OrderRepository;
import com.ticketplatform.order.order.OrderStatus;
import com.ticketplatform.order.order.OrderTicket;
import com.ticketplatform.order.order.OrderTransitions;
import com.ticketplatform.order.seat.InventoryRebuilder;
import com.ticketplatform.order.seat.LockResult;
import com.ticketplatform.order.seat.SeatClaims;
import com.ticketplatform.order.seat.SeatInventory;
import com.ticketplatform.order.seat.SeatProperties;
import com.ticketplatform.order.seat.SeatRefusal;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
import com.ticketplatform.starter.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The saga's steps and compensations (public bean: the Seata state machine calls it by name). Each one is idempotent
 * and tolerates running for something that never happened, or after its compensation already ran: the Seata engine
 * compensates the step in flight too, and a timed-out step may still land late.
 */
@Component("placeOrderSteps")
public class PlaceOrderSteps {

  private static final Logger log = LoggerFactory.getLogger(PlaceOrderSteps.class);
  public static final String SAGA_ROLLBACK = "SAGA_ROLLBACK";
  static final String STEP_LOCK_SEATS = "lock_seats";
  static final String STEP_CREATE_ORDER = "create_order";
  static final String STEP_OPEN_PAY_FLOW = "open_pay_flow";

  private final SeatInventory inventory;
  private final SeatClaims claims;
  private final InventoryRebuilder rebuilder;
  private final OrderRepository orders;
  private final IdempotencyRecords idempotency;
  private final OrderTransitions transitions;
  private final Outbox outbox;
  private final TransactionTemplate tx;
  private final PayClient pay;
  private final PayFlowOpener payFlows;
  private final SeatProperties seatProps;
  private final ExpiryScheduler expiry;
  private final Clock clock;
  private final OrderMetrics orderMetrics;
  private final Map<String, Counter> compensations;
  private final Counter claimConflicts;
  private volatile StepHook hook = StepHook.NONE;

  public PlaceOrderSteps(SeatInventory inventory, SeatClaims claims, InventoryRebuilder rebuilder,
      OrderRepository orders,
      IdempotencyRecords idempotency, OrderTransitions transitions, Outbox outbox, TransactionTemplate tx,
      PayClient pay, PayFlowOpener payFlows, SeatProperties seatProps, ExpiryScheduler expiry, Clock clock,
      OrderMetrics orderMetrics,
      MeterRegistry meters) {
    this.orderMetrics = orderMetrics;
    // ticket_saga_compensations_total{step}: the forward step being undone, whoever runs it (engine or recovery)
    this.compensations = Stream.of(STEP_LOCK_SEATS, STEP_CREATE_ORDER, STEP_OPEN_PAY_FLOW).collect(
        Collectors.toUnmodifiableMap(Function.identity(), step -> Counter.builder("ticket.saga.compensations")
            .description("place-order saga compensations that ran, by the forward step undone")
            .tag("step", step)
            .register(meters)));
    this.claimConflicts = Counter.builder("ticket.seat.claim.conflicts")
        .description("seats Redis let an order lock that another order held in the database (Redis lost or rewound)")
        .register(meters);
    this.inventory = inventory;
    this.claims = claims;
    this.rebuilder = rebuilder;
    this.orders = orders;
    this.idempotency = idempotency;
    this.transitions = transitions;
    this.outbox = outbox;
    this.tx = tx;
    this.pay = pay;
    this.payFlows = payFlows;
    this.seatProps = seatProps;
    this.expiry = expiry;
    this.clock = clock;
  }

  /** Test seam: runs after each forward step (failure injection, kill points). */
  public interface StepHook {
    StepHook NONE = step -> { };

    void after(String step);
  }

  public void setHook(StepHook hook) {
    this.hook = hook == null ? StepHook.NONE : hook;
  }

  // ---- LockSeats / ReleaseSeats ----

  public boolean lockSeats(PlaceOrderCommand c) {
    lockInRedis(c);
    claimInTheDatabase(c);
    hook.after("LockSeats");
    return true;
  }

  /** The seats locked for the order in Redis (again, for an accepted order: a no-op), or its refusal. */
  void lockInRedis(PlaceOrderCommand c) {
    LockResult result = inventory.lock(c.showtimeId(), c.orderNo(), c.userId(), c.seatIds(), seatProps.seatLimit());
    if (result.outcome() == LockResult.Outcome.NOT_INITIALISED) {
      // Redis lost the showtime (restart, flush): rebuild it from the order shards first, never guess "all free"
      rebuilder.rebuildIfMissing(c.showtimeId());
      result = inventory.lock(c.showtimeId(), c.orderNo(), c.userId(), c.seatIds(), seatProps.seatLimit());
    }
    switch (result.outcome()) {
      case LOCKED -> { }
      case TAKEN -> throw SeatRefusal.taken(result.seats());
      case LIMIT_EXCEEDED -> throw SeatRefusal.overLimit(seatProps.seatLimit(), (int) result.held());
      case UNKNOWN_SEATS -> throw SeatRefusal.unknown(result.seats());
      default -> throw SeatRefusal.inventoryUnavailable();
    }
  }

  /** Test seam's call point for the batch steps, which reach the same steps for many orders at once. */
  void reached(String step) {
    hook.after(step);
  }

  /**
   * Redis said yes; the database has the last word (docs/ARCHITECTURE.md §2). A seat another order has claimed is
   * one Redis lost or rewound: this order gives its locks back, the seats are shown as held again, and the buyer gets
   * the same 409 as from Redis.
   */
  void claimInTheDatabase(PlaceOrderCommand c) {
    List<Long> taken;
    try {
      taken = claims.claim(c.showtimeId(), c.showtimeStartsAt(), c.orderNo(), c.userId(), c.seatIds());
    } catch (RuntimeException e) {
      // the shard did not answer: no claim, so no lock either (the local orchestrator never undoes LockSeats)
      inventory.releaseLocked(c.showtimeId(), c.orderNo(), c.userId(), c.seatIds());
      throw e;
    }
    if (taken.isEmpty()) {
      claimHolders(c);
      return;
    }
    inventory.releaseLocked(c.showtimeId(), c.orderNo(), c.userId(), c.seatIds());
    claimConflicts.increment();
    log.warn("saga {}: Redis locked seats {} of showtime {} that other orders hold in the database; refused",
        c.orderNo(), taken, c.showtimeId());
    rebuilder.restoreClaims(c.showtimeId(), claims.ofShowtime(c.showtimeId()).stream()
        .filter(claim -> taken.contains(claim.seatId())).toList());
    throw SeatRefusal.taken(taken);
  }

  /**
   * A real-name showtime's per-ID cap, checked in the same step as the seats and in the same database as their claims
   * (docs/ARCHITECTURE.md §12): an order whose people already hold their share gives its seats back at once and is
   * refused, before it exists.
   */
  void claimHolders(PlaceOrderCommand c) {
    Map<String, Integer> perIdNumber = c.ticketsPerIdNumber();
    if (perIdNumber.isEmpty()) {
      return;
    }
    List<String> full;
    try {
      full = claims.claimHolders(c.showtimeId(), c.showtimeStartsAt(), c.orderNo(), c.userId(), perIdNumber,
          Math.max(1, c.realNameCap()));
    } catch (RuntimeException e) {
      giveSeatsBack(c);
      throw e;
    }
    if (full.isEmpty()) {
      return;
    }
    giveSeatsBack(c);
    List<Long> seats = c.tickets().stream()
        .filter(t -> t.holder() != null && full.contains(t.holder().idNumberHash()))
        .map(OrderTicket::seatId).toList();
    log.info("saga {}: the people named on seats {} already hold their share of showtime {}; refused", c.orderNo(),
        seats, c.showtimeId());
    throw SeatRefusal.holderCapReached(seats, Math.max(1, c.realNameCap()));
  }

  void giveSeatsBack(PlaceOrderCommand c) {
    claims.release(c.showtimeId(), c.orderNo(), c.userId());
    inventory.releaseLocked(c.showtimeId(), c.orderNo(), c.userId(), c.seatIds());
  }

  public boolean releaseSeats(PlaceOrderCommand c) {
    compensations.get(STEP_LOCK_SEATS).increment();
    long freed = inventory.releaseLocked(c.showtimeId(), c.orderNo(), c.userId(), c.seatIds());
    claims.release(c.showtimeId(), c.orderNo(), c.userId());
    log.info("saga {}: released {} seat(s)", c.orderNo(), freed);
    return true;
  }

  // ---- CreateOrder / CancelOrder ----

  public boolean createOrder(PlaceOrderCommand c) {
    create(c);
    hook.after("CreateOrder");
    return true;
  }

  /** CreateOrder's work, without the test seam's call (the batch steps call it once for the batch). */
  void create(PlaceOrderCommand c) {
    if (!claims.holdsAll(c.showtimeId(), c.orderNo(), c.userId(), c.seatIds())) {
      // its claims were released (the saga was compensated meanwhile) or never made: never an order without its seats
      throw new IllegalStateException("order " + c.orderNo() + " does not hold its seats in the database");
    }
    Order order = c.toOrder();
    try {
      tx.executeWithoutResult(status -> {
        orders.insert(order);
        outbox.append(Topics.ORDER_EVENTS, order.orderNo(), OrderEventPayloads.created(order));
        // the key and its order commit together: a retry can never find the key open while the order exists
        if (c.idempotencyKey() != null && !idempotency.complete(c.userId(), PlaceOrderCommand.IDEMPOTENCY_SCOPE,
            c.idempotencyKey(), c.orderNo())) {
          throw new IllegalStateException("Idempotency-Key of order " + c.orderNo() + " is no longer open");
        }
      });
      orderMetrics.created();
    } catch (DuplicateKeyException exists) {
      // a retried step, or the compensation already left a cancelled tombstone: nothing to do either way. Only if
      // the row is this saga's own: an order number another buyer's order already has is never taken as "mine"
      Order existing = orders.find(c.orderNo()).orElse(null);
      if (existing == null || !isOf(existing, c)) {
        throw new IllegalStateException("order number " + c.orderNo() + " is already another order's; not placed");
      }
      log.info("saga {}: order already exists", c.orderNo());
    }
    expiry.schedule(order.orderNo(), order.expiresAt());
  }

  public boolean cancelOrder(PlaceOrderCommand c) {
    compensations.get(STEP_CREATE_ORDER).increment();
    if (orders.find(c.orderNo()).isEmpty()) {
      // compensating a CreateOrder that has not (yet) happened: leave a cancelled tombstone so a late CreateOrder
      // finds the order number taken and cannot resurrect it
      Order tombstone = c.toOrder();
      tombstone.cancel(SAGA_ROLLBACK, clock.instant());
      try {
        tx.executeWithoutResult(status -> orders.insert(tombstone));
        return true;
      } catch (DuplicateKeyException raced) {
        log.info("saga {}: order appeared while compensating", c.orderNo());
      }
    }
    transitions.apply(c.orderNo(), o -> o.status() == OrderStatus.PENDING_PAYMENT && isOf(o, c)
        ? cancel(o, SAGA_ROLLBACK) : OrderTransitions.Decision.none());
    return true;
  }

  /** Whether a stored order is the one this saga creates (same buyer, showtime and seats), not a number collision. */
  static boolean isOf(Order order, PlaceOrderCommand c) {
    return order.userId() == c.userId() && order.showtimeId() == c.showtimeId()
        && Set.copyOf(order.seatIds()).equals(Set.copyOf(c.seatIds()));
  }

  private OrderTransitions.Decision cancel(Order o, String reason) {
    o.cancel(reason, clock.instant());
    return OrderTransitions.Decision.apply(OrderEventPayloads.cancelled(o));
  }

  // ---- OpenPayFlow / ClosePayFlow ----

  public boolean openPayFlow(PlaceOrderCommand c) {
    try {
      payFlows.open(new OpenPayFlowRequest(c.orderNo(), c.userId(), c.amount(), c.currency(), c.expiresAt()));
    } catch (RuntimeException e) {
      log.warn("saga {}: pay service refused or unreachable: {}", c.orderNo(), e.toString());
      throw paymentUnavailable();
    }
    hook.after("OpenPayFlow");
    return true;
  }

  /** OpenPayFlow's problem when the pay service refused the flow or did not answer. */
  static ApiException paymentUnavailable() {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
        "payment is unavailable right now; the order was not placed");
  }

  public boolean closePayFlow(PlaceOrderCommand c) {
    tryClosePayFlow(c);
    return true;
  }

  /** ClosePayFlow; false when the pay service did not take the close (refused, or no answer). */
  boolean tryClosePayFlow(PlaceOrderCommand c) {
    compensations.get(STEP_OPEN_PAY_FLOW).increment();
    try {
      pay.close(c.orderNo());
      return true;
    } catch (RuntimeException e) {
      // a flow that stays open cannot take money for a cancelled order: a late payment is refunded on arrival
      log.warn("saga {}: closing the pay flow failed (a late payment will be refunded): {}", c.orderNo(),
          e.toString());
      return false;
    }
  }
}
