package com.ticketplatform.order.seat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The database's judgement of a seat (docs/ARCHITECTURE.md §2): one live claim per (showtime, seat), enforced by the
 * primary key of {@code t_seat_claim}. Redis answers first and fast; a seat Redis lost or rewound can still never be
 * claimed by two orders. Every call is idempotent: claiming again what the order already holds succeeds, releasing
 * what it does not hold does nothing.
 */
@Component
public class SeatClaims {

  /** Showtimes purged per call; the reaper calls again on its next round. */
  private static final int PURGE_BATCH = 100;

  private final SeatClaimMapper claims;
  private final Clock clock;

  public SeatClaims(SeatClaimMapper claims, Clock clock) {
    this.claims = claims;
    this.clock = clock;
  }

  /** The seats another order holds: empty when the order now holds every one of its seats. */
  public List<Long> claim(long showtimeId, Instant startsAt, long orderNo, long userId, List<Long> seatIds) {
    for (int attempt = 0; ; attempt++) {
      try {
        claims.insert(showtimeId, seatIds, orderNo, userId, clock.instant(), startsAt);
        return List.of();
      } catch (DuplicateKeyException duplicate) {
        // all or nothing: the statement inserted none. A retry of this order's own claim finds every seat its own
        List<Long> taken = claims.find(showtimeId, seatIds).stream()
            .filter(c -> c.orderNo() != orderNo || c.userId() != userId).map(SeatClaim::seatId).sorted().toList();
        if (!taken.isEmpty() || holdsAll(showtimeId, orderNo, userId, seatIds)) {
          return taken;
        }
        // the rival claim was released in between: try again, once
        if (attempt > 0) {
          throw duplicate;
        }
      }
    }
  }

  /** Whether the order holds a claim on every one of these seats. */
  public boolean holdsAll(long showtimeId, long orderNo, long userId, List<Long> seatIds) {
    Set<Long> held = Set.copyOf(claims.find(showtimeId, seatIds).stream()
        .filter(c -> c.orderNo() == orderNo && c.userId() == userId).map(SeatClaim::seatId).toList());
    return held.containsAll(seatIds);
  }

  /** Gives the order's seats back (cancelled, expired, refunded, or its saga compensated). */
  public int release(long showtimeId, long orderNo, long userId) {
    return claims.deleteByOrder(showtimeId, orderNo, userId);
  }

  /** Showtimes with claims, leaving out those that started before {@code since} (purged, see {@link #purge}). */
  public List<Long> showtimesWithClaims(Instant since) {
    return claims.showtimesWithClaimsSince(since);
  }

  /** Deletes the claims of showtimes that started before the instant, a batch of showtimes at a time. */
  public int purge(Instant startedBefore) {
    int total = 0;
    for (long showtimeId : claims.showtimesStartedBefore(startedBefore, PURGE_BATCH)) {
      total += claims.deleteStartedBefore(showtimeId, startedBefore);
    }
    return total;
  }

  public List<SeatClaim> ofShowtime(long showtimeId) {
    return claims.findByShowtime(showtimeId);
  }
}
