package com.ticketplatform.order.seat;

import com.ticketplatform.common.id.SnowflakeIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finishes what a crash interrupted after an order changed (docs/ARCHITECTURE.md §2): a claim whose order is
 * cancelled or refunded, or whose order never reached the database long after its saga could have run, still holds
 * its seats. Its Redis hold is given back (if any is left) and the claim released, when {@link InventoryCheck} looks.
 */
@Component
public class ClaimReaper {

  private static final Logger log = LoggerFactory.getLogger(ClaimReaper.class);
  /** How long after its start a showtime's claims are kept (refunds end at the start; a day is plenty). */
  static final Duration SHOW_OVER_AFTER = Duration.ofDays(1);

  private final SeatClaims claims;
  private final SeatInventory inventory;
  private final SeatHolders holders;
  private final SeatProperties props;
  private final AcceptedOrders accepted;
  private final Clock clock;

  public ClaimReaper(SeatClaims claims, SeatInventory inventory, SeatHolders holders, SeatProperties props,
      AcceptedOrders accepted, Clock clock) {
    this.accepted = accepted;
    this.claims = claims;
    this.inventory = inventory;
    this.holders = holders;
    this.props = props;
    this.clock = clock;
  }

  /**
   * Every showtime with claims; returns how many orders' claims it released. Claims of showtimes that started over a
   * day ago are purged first: nothing is sold for them any more, and the table stays as small as what can still be
   * sold.
   */
  public int reap() {
    return reapAll(new HashSet<>());
  }

  int reapAll(Set<Long> waiting) {
    Instant over = clock.instant().minus(SHOW_OVER_AFTER);
    int purged = claims.purge(over);
    if (purged > 0) {
      log.info("purged {} seat claim(s) of showtimes that started before {}", purged, over);
    }
    return reap(claims.showtimesWithClaims(over), waiting);
  }

  /**
   * These showtimes only (docs/ARCHITECTURE.md §2 "The inventory check"); adds to {@code waiting} the showtimes with a
   * claim only time can settle (an order not stored yet, within its grace or awaiting placement) or whose check
   * failed, so they are looked at again.
   */
  int reap(Collection<Long> showtimeIds, Set<Long> waiting) {
    int released = 0;
    long orphanCutoff = clock.millis() - props.orphanLockGrace().toMillis();
    for (long showtimeId : showtimeIds) {
      try {
        released += reapShowtime(showtimeId, orphanCutoff, waiting);
      } catch (RuntimeException e) {
        waiting.add(showtimeId);
        log.warn("claim check of showtime {} failed: {}", showtimeId, e.toString());
      }
    }
    return released;
  }

  private int reapShowtime(long showtimeId, long orphanCutoff, Set<Long> waiting) {
    int released = 0;
    // orders still holding seats keep their claims; only the others are looked up, one by one
    Set<Long> holding = holders.holdingOrderNos(showtimeId);
    Map<Long, List<SeatClaim>> byOrder = claims.ofShowtime(showtimeId).stream()
        .filter(c -> !holding.contains(c.orderNo())).collect(Collectors.groupingBy(SeatClaim::orderNo));
    for (Map.Entry<Long, List<SeatClaim>> entry : byOrder.entrySet()) {
      long orderNo = entry.getKey();
      long userId = entry.getValue().get(0).userId();
      List<Long> seats = entry.getValue().stream().map(SeatClaim::seatId).toList();
      // asked first: an accepted order placed in between is then found in the database
      boolean awaiting = accepted.awaitingPlacement(orderNo);
      Optional<SeatHolder> holder = holders.find(orderNo);
      boolean finished = holder.map(SeatHolder::released)
          .orElse(SnowflakeIdGenerator.timestampOf(orderNo) < orphanCutoff && !awaiting);
      if (!finished) {
        waiting.add(showtimeId);
        continue;
      }
      inventory.releaseLocked(showtimeId, orderNo, userId, seats);
      inventory.releaseSold(showtimeId, orderNo, userId, seats);
      claims.release(showtimeId, orderNo, userId);
      released++;
      log.warn("seat claims of order {} ({}) released after the fact: {}", orderNo,
          holder.map(h -> "cancelled or refunded").orElse("never stored"), seats);
    }
    return released;
  }
}
