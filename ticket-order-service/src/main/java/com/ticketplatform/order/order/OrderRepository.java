package com.ticketplatform.order.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Repository;

/**
 * Orders and their tickets in the buyer's shard. Every statement names {@code order_no} or {@code user_id}, so
 * ShardingSphere routes it to one physical table, except the sweeps documented as broadcasts on the mapper.
 */
@Repository
public class OrderRepository {

  private final OrderMapper orders;
  private final TicketMapper tickets;

  public OrderRepository(OrderMapper orders, TicketMapper tickets) {
    this.orders = orders;
    this.tickets = tickets;
  }

  public void insert(Order order) {
    orders.insert(toRow(order));
    List<TicketRow> rows = ticketRows(order);
    if (!rows.isEmpty()) {
      tickets.insertAll(rows);
    }
  }

  /**
   * Orders of one shard database (a batch of accepted orders) in two statements: their rows, then all their tickets.
   * All or none: a number already taken fails the lot (the caller then inserts them one at a time).
   */
  public void insertAll(List<Order> batch) {
    if (batch.isEmpty()) {
      return;
    }
    orders.insertAll(batch.stream().map(OrderRepository::toRow).toList());
    List<TicketRow> rows = batch.stream().flatMap(o -> ticketRows(o).stream()).toList();
    if (!rows.isEmpty()) {
      tickets.insertAll(rows);
    }
  }

  private static List<TicketRow> ticketRows(Order order) {
    List<TicketRow> rows = new ArrayList<>(order.tickets().size());
    for (OrderTicket t : order.tickets()) {
      TicketRow row = new TicketRow();
      row.ticketId = t.ticketId();
      row.orderNo = order.orderNo();
      row.userId = order.userId();
      row.showtimeId = order.showtimeId();
      row.seatId = t.seatId();
      row.seatLabel = t.seatLabel();
      row.price = t.price();
      if (t.holder() != null) {
        row.holderName = t.holder().name();
        row.holderIdType = t.holder().idType();
        row.holderIdMask = t.holder().idNumberMask();
      }
      rows.add(row);
    }
    return rows;
  }

  /** The order with its tickets, read in one statement (every read of one order: the buyer's, the saga's, ...). */
  public Optional<Order> find(long orderNo) {
    List<OrderTicketRow> rows = orders.findWithTickets(orderNo);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<TicketRow> ticketRows = new ArrayList<>(rows.size());
    for (OrderTicketRow row : rows) {
      if (row.ticketId != null) {
        ticketRows.add(row.ticket());
      }
    }
    return Optional.of(toOrder(rows.get(0), ticketRows));
  }

  /** The status of each order among {@code orderNos} that exists (tickets not read). */
  public Map<Long, OrderStatus> statuses(Collection<Long> orderNos) {
    Map<Long, OrderStatus> out = new HashMap<>();
    if (!orderNos.isEmpty()) {
      orders.findByOrderNos(orderNos).forEach(row -> out.put(row.orderNo, OrderStatus.valueOf(row.status)));
    }
    return out;
  }

  /**
   * Persists a transition made on {@code order}, which was loaded with {@code expectedStatus} and
   * {@code expectedVersion}. False when another writer got there first (the caller reloads and decides).
   */
  public boolean saveTransition(Order order, OrderStatus expectedStatus, int expectedVersion) {
    return orders.transition(toRow(order), expectedStatus.name(), expectedVersion) == 1;
  }

  public List<Order> listByUser(long userId, Long beforeOrderNo, int limit) {
    List<Order> out = new ArrayList<>();
    for (OrderRow row : orders.listByUser(userId, beforeOrderNo, limit)) {
      out.add(toOrder(row, tickets.findByOrderNo(row.orderNo)));
    }
    return out;
  }

  public List<Order> findExpired(Instant now, int limit) {
    return orders.findExpired(now, limit).stream().map(r -> toOrder(r, tickets.findByOrderNo(r.orderNo))).toList();
  }

  public List<Order> findHoldingSeats(long showtimeId) {
    return orders.findHoldingSeats(showtimeId).stream().map(r -> toOrder(r, tickets.findByOrderNo(r.orderNo)))
        .toList();
  }

  public Set<Long> holdingOrderNos(long showtimeId) {
    return Set.copyOf(orders.findHoldingOrderNos(showtimeId));
  }

  public List<Long> findLiveShowtimes(Instant now) {
    return orders.findLiveShowtimes(now);
  }

  /** The orders of a showtime whose seats are sold: PAID or REFUNDING. */
  public Set<Long> soldOrderNos(long showtimeId) {
    return Set.copyOf(orders.findSoldOrderNos(showtimeId));
  }

  /** What the inventory watchdog checks: upcoming showtimes with live orders or orders closed since the instant. */
  public List<Long> findShowtimesToCheck(Instant now, Instant closedSince) {
    Set<Long> showtimes = new java.util.LinkedHashSet<>(orders.findLiveShowtimes(now));
    showtimes.addAll(orders.findRecentlyClosedShowtimes(now, closedSince));
    return List.copyOf(showtimes);
  }

  public boolean hasPaidOrder(long userId, long programId) {
    return orders.countPaid(userId, programId) > 0;
  }

  static OrderRow toRow(Order o) {
    OrderRow r = new OrderRow();
    r.orderNo = o.orderNo();
    r.userId = o.userId();
    r.programId = o.programId();
    r.showtimeId = o.showtimeId();
    r.cinemaId = o.cinemaId();
    r.programTitle = o.programTitle();
    r.status = o.status().name();
    r.amount = o.amount();
    r.currency = o.currency();
    r.showtimeStartsAt = o.showtimeStartsAt();
    r.showtimeMovedAt = o.showtimeMovedAt();
    r.expiresAt = o.expiresAt();
    r.paidAt = o.paidAt();
    r.paymentId = o.paymentId();
    r.closedAt = o.closedAt();
    r.closeReason = o.closeReason();
    r.version = o.version();
    r.createdAt = o.createdAt();
    r.updatedAt = o.updatedAt();
    return r;
  }

  static Order toOrder(OrderRow r, List<TicketRow> ticketRows) {
    return Order.builder().orderNo(r.orderNo).userId(r.userId).programId(r.programId).showtimeId(r.showtimeId)
        .cinemaId(r.cinemaId).programTitle(r.programTitle).status(OrderStatus.valueOf(r.status)).amount(r.amount)
        .currency(r.currency).showtimeStartsAt(r.showtimeStartsAt)
        .showtimeMovedAt(r.showtimeMovedAt).expiresAt(r.expiresAt).paidAt(r.paidAt)
        .paymentId(r.paymentId).closedAt(r.closedAt).closeReason(r.closeReason).version(r.version)
        .createdAt(r.createdAt).updatedAt(r.updatedAt)
        .tickets(ticketRows.stream().map(OrderRepository::toTicket).toList())
        .build();
  }

  private static OrderTicket toTicket(TicketRow t) {
    // the hash is not kept on the ticket: the holder claims hold it (SeatClaims)
    TicketHolder holder = t.holderName == null ? null
        : new TicketHolder(0, t.holderName, t.holderIdType, t.holderIdMask, null);
    return new OrderTicket(t.ticketId, t.seatId, t.seatLabel, t.price, holder);
  }
}
