package com.ticketplatform.order.saga;

import com.ticketplatform.client.pay.OpenPayFlowRequest;
import com.ticketplatform.common.event.Topics;
import com.ticketplatform.order.expiry.ExpiryScheduler;
import com.ticketplatform.order.order.Order;
import com.ticketplatform.order.order.OrderEventPayloads;
import com.ticketplatform.order.order.OrderMetrics;
import com.ticketplatform.order.order.OrderRepository;
import com.ticketplatform.order.order.OrderStatus;
import com.ticketplatform.order.seat.SeatClaim;
import com.ticketplatform.order.seat.SeatClaims;
import com.ticketplatform.order.seat.SeatRefusal;
import com.ticketplatform.order.sharding.OrderShards;
import com.ticketplatform.starter.idempotency.IdempotencyRecords;
import com.ticketplatform.starter.outbox.Outbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of the saga that places a batch of accepted orders together (state machine {@code placeOrders},
 * docs/ARCHITECTURE.md §2 "Accepted orders"): the same steps as {@link PlaceOrderSteps}, each for every order of the
 * batch, with the statements shared: the seat claims of a showtime in one insert, the orders, tickets, outbox events
 * and key completions of a shard database in one transaction of four statements, every pay flow in one call.
 *
 * <p>An order refused within a step (a seat the database gives to another order, its people's share used, the pay
 * service refusing its flow, its key no longer open) is undone within that step, alone: its seats and claims are
 * given back (and an order already created is cancelled as a saga rollback), so no later step, and no re-run, takes
 * it further; the rest of the batch goes on. A step that fails as a whole (a shard or the pay service not answering)
 * fails the saga, whose compensation undoes every order of the batch. Every step tolerates re-running, and every
 * compensation tolerates running for orders it never reached, as the single-order steps do.
 */
@Component("placeOrdersSteps")
public class PlaceOrdersSteps {

  private static final Logger log = LoggerFactory.getLogger(PlaceOrdersSteps.class);

  private final PlaceOrderSteps one;
  private final SeatClaims claims;
  private final OrderRepository orders;
  private final IdempotencyRecords idempotency;
  private final Outbox outbox;
  private final TransactionTemplate tx;
  private final PayFlowOpener payFlows;
  private final ExpiryScheduler expiry;
  private final OrderMetrics orderMetrics;
  /** The refusals of each batch whose placer is waiting for them, by batch id, then order number. */
  private final Map<Long, Map<Long, RuntimeException>> watched = new ConcurrentHashMap<>();

  public PlaceOrdersSteps(PlaceOrderSteps one, SeatClaims claims, OrderRepository orders,
      IdempotencyRecords idempotency, Outbox outbox, TransactionTemplate tx, PayFlowOpener payFlows,
      ExpiryScheduler expiry, OrderMetrics orderMetrics) {
    this.one = one;
    this.claims = claims;
    this.orders = orders;
    this.idempotency = idempotency;
    this.outbox = outbox;
    this.tx = tx;
    this.payFlows = payFlows;
    this.expiry = expiry;
    this.orderMetrics = orderMetrics;
  }

  /**
   * From now on, the orders of this batch refused by a step are collected in the map answered (order number → the
   * refusal the buyer gets), until {@link #forget}. The steps run in the caller's thread, inside the engine's start.
   */
  Map<Long, RuntimeException> watch(long batchId) {
    Map<Long, RuntimeException> refusals = new ConcurrentHashMap<>();
    watched.put(batchId, refusals);
    return refusals;
  }

  void forget(long batchId) {
    watched.remove(batchId);
  }

  // ---- LockSeats / ReleaseSeats ----

  public boolean lockSeatsTogether(PlaceOrdersCommand batch) {
    List<PlaceOrderCommand> locked = new ArrayList<>();
    for (PlaceOrderCommand c : batch.orders()) {
      try {
        one.lockInRedis(c);
        locked.add(c);
      } catch (SeatRefusal refusal) {
        // the intake's lock is gone (Redis lost or rewound) and others hold the seats now
        one.giveSeatsBack(c);
        refuse(batch, c, refusal);
      }
    }
    Map<Long, List<PlaceOrderCommand>> byShowtime = locked.stream()
        .collect(Collectors.groupingBy(PlaceOrderCommand::showtimeId, LinkedHashMap::new, Collectors.toList()));
    for (List<PlaceOrderCommand> showtime : byShowtime.values()) {
      PlaceOrderCommand first = showtime.get(0);
      // one statement for all; a seat already claimed (Redis lost or rewound) and it claimed none: one at a time
      boolean claimed = claims.claimAll(first.showtimeId(), first.showtimeStartsAt(), showtime.stream()
          .map(c -> new SeatClaims.Wanted(c.orderNo(), c.userId(), c.seatIds())).toList());
      for (PlaceOrderCommand c : showtime) {
        try {
          if (!claimed) {
            one.claimInTheDatabase(c);
          }
          one.claimHolders(c);
        } catch (SeatRefusal refusal) {
          refuse(batch, c, refusal); // its seats were given back by the refusing step
        }
      }
    }
    one.reached("LockSeats");
    return true;
  }

  public boolean releaseSeatsTogether(PlaceOrdersCommand batch) {
    batch.orders().forEach(one::releaseSeats);
    return true;
  }

  // ---- CreateOrders / CancelOrders ----

  public boolean createOrdersTogether(PlaceOrdersCommand batch) {
    List<PlaceOrderCommand> holding = new ArrayList<>();
    Set<Long> holders = holdingTheirSeats(batch.orders());
    for (PlaceOrderCommand c : batch.orders()) {
      if (holders.contains(c.orderNo())) {
        holding.add(c);
      } else {
        // refused before, or its claims released since (the saga compensated meanwhile): never an order without them
        refuse(batch, c, SeatRefusal.inventoryUnavailable());
      }
    }
    Map<Integer, List<PlaceOrderCommand>> byDatabase = holding.stream().collect(Collectors.groupingBy(
        c -> OrderShards.databaseIndex(c.orderNo()), LinkedHashMap::new, Collectors.toList()));
    for (List<PlaceOrderCommand> database : byDatabase.values()) {
      try {
        tx.executeWithoutResult(status -> insertTogether(database));
        for (PlaceOrderCommand c : database) {
          orderMetrics.created();
          expiry.schedule(c.orderNo(), c.expiresAt());
        }
      } catch (DuplicateKeyException | KeyNotOpen notTogether) {
        // one of them exists already (a re-run step) or lost its key: one at a time, as a single order's step does
        for (PlaceOrderCommand c : database) {
          createAlone(batch, c);
        }
      }
    }
    one.reached("CreateOrder");
    return true;
  }

  private void insertTogether(List<PlaceOrderCommand> database) {
    List<Order> made = database.stream().map(PlaceOrderCommand::toOrder).toList();
    orders.insertAll(made);
    Map<Long, Object> created = new LinkedHashMap<>();
    made.forEach(order -> created.put(order.orderNo(), OrderEventPayloads.created(order)));
    outbox.appendAll(Topics.ORDER_EVENTS, created);
    // the keys and their orders commit together, as for a single order
    if (!idempotency.completeAll(PlaceOrderCommand.IDEMPOTENCY_SCOPE, database.stream()
        .filter(c -> c.idempotencyKey() != null)
        .map(c -> new IdempotencyRecords.Completion(c.userId(), c.idempotencyKey(), c.orderNo())).toList())) {
      throw new KeyNotOpen();
    }
  }

  private void createAlone(PlaceOrdersCommand batch, PlaceOrderCommand c) {
    try {
      one.create(c);
    } catch (IllegalStateException notPlaced) {
      // its claims are gone, its number is another order's, or its key is no longer open: this order alone is undone
      log.warn("batch {}: order {} not created: {}", batch.batchId(), c.orderNo(), notPlaced.getMessage());
      one.giveSeatsBack(c);
      refuse(batch, c, SeataPlaceOrderSaga.notPlaced());
    }
  }

  /** The orders among these that hold a claim on every one of their seats: one query per showtime. */
  private Set<Long> holdingTheirSeats(List<PlaceOrderCommand> commands) {
    Set<Long> holding = new HashSet<>();
    commands.stream().collect(Collectors.groupingBy(PlaceOrderCommand::showtimeId)).forEach((showtimeId, showtime) -> {
      // one live claim per seat of a showtime (its primary key)
      Map<Long, SeatClaim> bySeat = new HashMap<>();
      claims.of(showtimeId, showtime.stream().flatMap(c -> c.seatIds().stream()).distinct().toList())
          .forEach(claim -> bySeat.put(claim.seatId(), claim));
      showtime.stream().filter(c -> c.seatIds().stream().map(bySeat::get)
              .allMatch(claim -> claim != null && claim.orderNo() == c.orderNo() && claim.userId() == c.userId()))
          .forEach(c -> holding.add(c.orderNo()));
    });
    return holding;
  }

  public boolean cancelOrdersTogether(PlaceOrdersCommand batch) {
    batch.orders().forEach(one::cancelOrder);
    return true;
  }

  // ---- OpenPayFlows / ClosePayFlows ----

  public boolean openPayFlowsTogether(PlaceOrdersCommand batch) {
    Map<Long, OrderStatus> statuses = orders.statuses(batch.orderNos());
    List<PlaceOrderCommand> created = new ArrayList<>();
    for (PlaceOrderCommand c : batch.orders()) {
      if (statuses.get(c.orderNo()) == OrderStatus.PENDING_PAYMENT) {
        created.add(c);
      } else {
        refuse(batch, c, SeataPlaceOrderSaga.notPlaced()); // refused by an earlier step (no order, or its rollback tombstone)
      }
    }
    if (created.isEmpty()) {
      one.reached("OpenPayFlow");
      return true;
    }
    Map<Long, RuntimeException> failed;
    try {
      failed = payFlows.openAll(created.stream()
          .map(c -> new OpenPayFlowRequest(c.orderNo(), c.userId(), c.amount(), c.currency(), c.expiresAt()))
          .toList());
    } catch (RuntimeException e) {
      log.warn("batch {}: the pay service did not answer: {}", batch.batchId(), e.toString());
      throw PlaceOrderSteps.paymentUnavailable();
    }
    for (PlaceOrderCommand c : created) {
      RuntimeException refusal = failed.get(c.orderNo());
      if (refusal != null) {
        log.warn("batch {}: pay flow of order {} not opened: {}", batch.batchId(), c.orderNo(), refusal.toString());
        // closed first: a flow that timed out may have been opened after all (closing an absent one tombstones it)
        one.closePayFlow(c);
        one.cancelOrder(c);
        one.releaseSeats(c);
        refuse(batch, c, PlaceOrderSteps.paymentUnavailable());
      }
    }
    one.reached("OpenPayFlow");
    return true;
  }

  /**
   * Closes the flows one by one until the pay service does not take a close: it is then down or failing (the usual
   * reason OpenPayFlows failed), and the rest are left, as a single saga leaves a flow it cannot close (a late payment
   * to a cancelled order is refunded on arrival), instead of waiting out its timeouts for every order of the batch.
   */
  public boolean closePayFlowsTogether(PlaceOrdersCommand batch) {
    for (PlaceOrderCommand c : batch.orders()) {
      if (!one.tryClosePayFlow(c)) {
        log.warn("batch {}: the pay service takes no close; the flows of the other orders are left", batch.batchId());
        break;
      }
    }
    return true;
  }

  private void refuse(PlaceOrdersCommand batch, PlaceOrderCommand c, RuntimeException why) {
    Map<Long, RuntimeException> refusals = watched.get(batch.batchId());
    if (refusals != null) {
      refusals.putIfAbsent(c.orderNo(), Objects.requireNonNull(why));
    }
  }

  /** A key of the batch was no longer open: the transaction is rolled back and its orders made one at a time. */
  private static final class KeyNotOpen extends RuntimeException {
    KeyNotOpen() {
      super(null, null, false, false);
    }
  }
}
