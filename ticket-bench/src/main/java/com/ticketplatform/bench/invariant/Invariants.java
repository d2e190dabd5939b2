package com.ticketplatform.bench.invariant;

import com.ticketplatform.common.seat.SeatInventoryKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The invariants a run must keep, checked on what the databases and Redis hold afterwards (plain data in, verdicts
 * out, so the rules are tested without a platform).
 */
public final class Invariants {

  private Invariants() {}

  public record OrderRow(long orderNo, long userId, long showtimeId, String status) {}

  public record TicketRow(long orderNo, long showtimeId, long seatId) {}

  public record FlowRow(long orderNo, String status) {}

  /** A row of t_seat_claim: the database's own judgement of who holds a seat. */
  public record ClaimRow(long showtimeId, long seatId, long orderNo) {}

  /** An order still waiting for its payment, with the end of its payment window. */
  public record PendingRow(long orderNo, java.time.Instant expiresAt) {}

  /**
   * @param seatValues per showtime, the Redis seat hash (seat id to "A", "L:order:user" or "S:order:user")
   * @param capacity per showtime, its number of seats
   * @param acknowledged order numbers the bench received a 201 for
   */
  public record Snapshot(List<OrderRow> orders, List<TicketRow> tickets, List<FlowRow> flows,
      Map<Long, Map<Long, String>> seatValues, Map<Long, Integer> capacity, Set<Long> acknowledged) {}

  public record Check(String name, boolean pass, String detail) {}

  public record Verdict(boolean pass, List<Check> checks, Map<String, Long> ordersByStatus) {}

  static final Set<String> KNOWN_STATES = Set.of("PENDING_PAYMENT", "PAID", "CANCELLED", "REFUNDING", "REFUNDED");
  static final Set<String> HOLDS_SEATS = Set.of("PENDING_PAYMENT", "PAID", "REFUNDING");
  static final Set<String> MONEY_KEPT = Set.of("PAID", "REFUNDING", "REFUNDED");

  public static Verdict check(Snapshot s) {
    List<Check> checks = new ArrayList<>();
    Map<Long, OrderRow> orders = new HashMap<>();
    s.orders().forEach(o -> orders.put(o.orderNo(), o));
    Map<String, Long> byStatus = new TreeMap<>();
    s.orders().forEach(o -> byStatus.merge(o.status(), 1L, Long::sum));

    // 1. every order in a terminal or valid state
    List<Long> odd = s.orders().stream().filter(o -> !KNOWN_STATES.contains(o.status())).map(OrderRow::orderNo)
        .toList();
    checks.add(new Check("every order in a terminal or valid state", odd.isEmpty(),
        odd.isEmpty() ? s.orders().size() + " orders: " + byStatus : "unknown states on " + first(odd)));

    // 2. no seat in two orders that hold seats (unpaid, paid, being refunded)
    Map<String, Long> holder = new HashMap<>();
    List<String> doubles = new ArrayList<>();
    for (TicketRow t : s.tickets()) {
      OrderRow o = orders.get(t.orderNo());
      if (o == null || !HOLDS_SEATS.contains(o.status())) {
        continue;
      }
      Long previous = holder.putIfAbsent(t.showtimeId() + "/" + t.seatId(), t.orderNo());
      if (previous != null && previous != t.orderNo()) {
        doubles.add("seat " + t.seatId() + " of showtime " + t.showtimeId() + " in orders " + previous + " and "
            + t.orderNo());
      }
    }
    checks.add(new Check("no seat in two orders", doubles.isEmpty(),
        doubles.isEmpty() ? holder.size() + " seats held by live orders" : doubles.size() + ": " + first(doubles)));

    // 3. tickets of a showtime never exceed its seats (no oversell)
    Map<Long, Long> heldPerShowtime = new TreeMap<>();
    holder.keySet().forEach(k -> heldPerShowtime.merge(Long.parseLong(k.substring(0, k.indexOf('/'))), 1L,
        Long::sum));
    List<String> oversold = new ArrayList<>();
    heldPerShowtime.forEach((st, n) -> {
      Integer cap = s.capacity().get(st);
      if (cap != null && n > cap) {
        oversold.add("showtime " + st + ": " + n + " seats held of " + cap);
      }
    });
    checks.add(new Check("no oversell (seats held <= hall size)", oversold.isEmpty(),
        oversold.isEmpty() ? "held per showtime " + heldPerShowtime : String.join("; ", oversold)));

    // 4. seats sold in Redis = tickets in PAID orders, and every Redis lock/sale belongs to a live order of that seat
    List<String> mismatches = new ArrayList<>();
    long soldInRedis = 0;
    long paidTickets = 0;
    Set<String> paidSeats = new HashSet<>();
    Set<String> liveSeatOrder = new HashSet<>();
    for (TicketRow t : s.tickets()) {
      OrderRow o = orders.get(t.orderNo());
      if (o == null || !s.seatValues().containsKey(t.showtimeId())) {
        continue;
      }
      if (HOLDS_SEATS.contains(o.status())) {
        liveSeatOrder.add(t.showtimeId() + "/" + t.seatId() + "/" + t.orderNo());
      }
      if (o.status().equals("PAID")) {
        paidTickets++;
        paidSeats.add(t.showtimeId() + "/" + t.seatId() + "/" + t.orderNo());
      }
    }
    for (Map.Entry<Long, Map<Long, String>> show : s.seatValues().entrySet()) {
      for (Map.Entry<Long, String> seat : show.getValue().entrySet()) {
        String v = seat.getValue();
        if (SeatInventoryKeys.AVAILABLE.equals(v)) {
          continue;
        }
        String[] parts = v.split(":");
        String key = show.getKey() + "/" + seat.getKey() + "/" + (parts.length > 1 ? parts[1] : "?");
        if (v.startsWith(SeatInventoryKeys.SOLD_PREFIX)) {
          soldInRedis++;
          if (!paidSeats.contains(key)) {
            mismatches.add("Redis sells seat " + seat.getKey() + " of showtime " + show.getKey() + " to " + v
                + " but no PAID order holds it");
          }
        } else if (!liveSeatOrder.contains(key)) {
          mismatches.add("Redis locks seat " + seat.getKey() + " of showtime " + show.getKey() + " for " + v
              + " but no live order holds it");
        }
      }
    }
    boolean soldMatches = soldInRedis == paidTickets;
    checks.add(new Check("seats sold (Redis) = tickets in PAID orders", soldMatches && mismatches.isEmpty(),
        "sold in Redis " + soldInRedis + ", tickets in PAID orders " + paidTickets
            + (mismatches.isEmpty() ? "" : "; " + mismatches.size() + " stray: " + first(mismatches))));

    // 5. every paid flow matched to a PAID order
    List<String> unmatched = new ArrayList<>();
    long paidFlows = 0;
    for (FlowRow f : s.flows()) {
      if (!MONEY_KEPT.contains(f.status())) {
        continue;
      }
      paidFlows++;
      OrderRow o = orders.get(f.orderNo());
      if (o == null || !MONEY_KEPT.contains(o.status())) {
        unmatched.add("flow of order " + f.orderNo() + " is " + f.status() + ", order is "
            + (o == null ? "missing" : o.status()));
      }
    }
    checks.add(new Check("every paid flow matched to a PAID order", unmatched.isEmpty(),
        unmatched.isEmpty() ? paidFlows + " paid flows" : unmatched.size() + ": " + first(unmatched)));

    // 6. no lost orders: every acknowledged order exists with its tickets
    Set<Long> withTickets = new HashSet<>();
    s.tickets().forEach(t -> withTickets.add(t.orderNo()));
    List<Long> lost = s.acknowledged().stream().filter(n -> !orders.containsKey(n) || !withTickets.contains(n))
        .sorted().toList();
    long unacknowledged = s.orders().stream().filter(o -> HOLDS_SEATS.contains(o.status()))
        .filter(o -> !s.acknowledged().contains(o.orderNo())).count();
    checks.add(new Check("no lost orders (every 201 is in the database)", lost.isEmpty(),
        s.acknowledged().size() + " acknowledged" + (lost.isEmpty() ? "" : ", lost: " + first(lost))
            + "; live orders without a 201 seen by the client (e.g. timed out): " + unacknowledged));

    boolean pass = checks.stream().allMatch(Check::pass);
    return new Verdict(pass, checks, byStatus);
  }

  private static String first(List<?> items) {
    return items.subList(0, Math.min(5, items.size())) + (items.size() > 5 ? " ..." : "");
  }
}
