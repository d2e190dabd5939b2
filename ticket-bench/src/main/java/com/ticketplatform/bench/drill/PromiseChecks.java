package com.ticketplatform.bench.drill;

import com.ticketplatform.bench.invariant.Invariants;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks the drill adds to the benchmark's invariants ({@link Invariants}): what the provider charged, what the
 * database claims and what is still pending. Plain data in, verdicts out, so each rule is tested without a platform.
 */
final class PromiseChecks {

  private PromiseChecks() {}

  /** A payment as the provider sees it. */
  record Charge(long orderNo, String status, BigDecimal amount, BigDecimal refunded) {}

  private static final Set<String> HOLDS_SEATS = Set.of("PENDING_PAYMENT", "PAID", "REFUNDING");

  /**
   * Every payment the provider took is matched by a PAID order or refunded in full; {@code ours} are the orders the
   * drill paid for, which must exist (a charge for an order that is not stored at all is money kept too).
   */
  static Invariants.Check charged(List<Invariants.OrderRow> orders, List<Charge> charges, Set<Long> ours) {
    Map<Long, String> status = new HashMap<>();
    orders.forEach(o -> status.put(o.orderNo(), o.status()));
    List<String> kept = new ArrayList<>();
    int paid = 0;
    int refunded = 0;
    for (Charge c : charges) {
      if (!"PAID".equals(c.status())) {
        continue;
      }
      if (!status.containsKey(c.orderNo())) {
        if (ours.contains(c.orderNo()) && (c.refunded() == null || c.refunded().compareTo(c.amount()) < 0)) {
          kept.add("order " + c.orderNo() + " was charged " + c.amount() + " but is not stored");
        }
        continue;
      }
      boolean refundedInFull = c.refunded() != null && c.refunded().compareTo(c.amount()) >= 0;
      String order = status.get(c.orderNo());
      if (refundedInFull) {
        refunded++;
        if (order.equals("PAID")) {
          kept.add("order " + c.orderNo() + " is PAID but its payment was refunded");
        }
      } else if (order.equals("PAID")) {
        paid++;
      } else {
        kept.add("order " + c.orderNo() + " is " + order + ", charged " + c.amount() + ", refunded "
            + (c.refunded() == null ? "0" : c.refunded()));
      }
    }
    return new Invariants.Check("every charge has a PAID order or a full refund", kept.isEmpty(),
        kept.isEmpty() ? paid + " charges with tickets, " + refunded + " refunded"
            : kept.size() + ": " + first(kept));
  }

  /** The database's claims and the live orders agree seat by seat. */
  static Invariants.Check claims(List<Invariants.OrderRow> orders, List<Invariants.TicketRow> tickets,
      List<Invariants.ClaimRow> claims) {
    Map<Long, String> status = new HashMap<>();
    orders.forEach(o -> status.put(o.orderNo(), o.status()));
    Set<String> claimed = new HashSet<>();
    List<String> wrong = new ArrayList<>();
    for (Invariants.ClaimRow c : claims) {
      claimed.add(c.showtimeId() + "/" + c.seatId() + "/" + c.orderNo());
      String s = status.get(c.orderNo());
      if (s == null || !HOLDS_SEATS.contains(s)) {
        wrong.add("seat " + c.seatId() + " of showtime " + c.showtimeId() + " claimed by order " + c.orderNo()
            + " which is " + (s == null ? "missing" : s));
      }
    }
    int live = 0;
    for (Invariants.TicketRow t : tickets) {
      String s = status.get(t.orderNo());
      if (s == null || !HOLDS_SEATS.contains(s)) {
        continue;
      }
      live++;
      if (!claimed.contains(t.showtimeId() + "/" + t.seatId() + "/" + t.orderNo())) {
        wrong.add("order " + t.orderNo() + " (" + s + ") holds seat " + t.seatId() + " without its claim");
      }
    }
    return new Invariants.Check("seat claims = seats of live orders", wrong.isEmpty(),
        wrong.isEmpty() ? live + " live seats, " + claims.size() + " claims" : wrong.size() + ": " + first(wrong));
  }

  /** No order is still pending after its payment window (plus the expiry sweep's period). */
  static Invariants.Check pending(List<Invariants.PendingRow> pending, Instant now, java.time.Duration sweepGrace) {
    List<String> overdue = pending.stream().filter(p -> p.expiresAt().plus(sweepGrace).isBefore(now))
        .map(p -> "order " + p.orderNo() + " pending since its window closed at " + p.expiresAt()).toList();
    return new Invariants.Check("every order terminal or legitimately pending", overdue.isEmpty(),
        overdue.isEmpty() ? pending.size() + " pending within their window" : overdue.size() + ": " + first(overdue));
  }

  private static String first(List<?> items) {
    return items.subList(0, Math.min(5, items.size())) + (items.size() > 5 ? " ..." : "");
  }
}
