package com.ticketplatform.order.seat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
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

  /** Tries at one ID number's slots before giving up, when racers keep taking the slot it picked. */
  private static final int SLOT_ATTEMPTS = 5;

  private final SeatClaimMapper claims;
  private final HolderClaimMapper holderClaims;
  private final Clock clock;

  public SeatClaims(SeatClaimMapper claims, HolderClaimMapper holderClaims, Clock clock) {
    this.claims = claims;
    this.holderClaims = holderClaims;
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

  /** One order's seats, among many claimed at once. */
  public record Wanted(long orderNo, long userId, List<Long> seatIds) {}

  /**
   * The seats of many orders of one showtime in one statement (a batch of accepted orders): true when it claimed
   * them all; false when some seat is already claimed (by another order, or by one of these in an earlier attempt),
   * and then it claimed none: the caller claims them one order at a time ({@link #claim}).
   */
  public boolean claimAll(long showtimeId, Instant startsAt, List<Wanted> orders) {
    List<SeatClaim> rows = new ArrayList<>();
    Instant at = clock.instant();
    orders.forEach(o -> o.seatIds().forEach(
        seat -> rows.add(new SeatClaim(showtimeId, seat, o.orderNo(), o.userId()))));
    if (rows.isEmpty()) {
      return true;
    }
    try {
      claims.insertAll(showtimeId, rows, at, startsAt);
      return true;
    } catch (DuplicateKeyException duplicate) {
      return false;
    }
  }

  /** The live claims on these seats of a showtime, whoever holds them. */
  public List<SeatClaim> of(long showtimeId, List<Long> seatIds) {
    return seatIds.isEmpty() ? List.of() : claims.find(showtimeId, seatIds);
  }

  /** Whether the order holds a claim on every one of these seats. */
  public boolean holdsAll(long showtimeId, long orderNo, long userId, List<Long> seatIds) {
    Set<Long> held = Set.copyOf(claims.find(showtimeId, seatIds).stream()
        .filter(c -> c.orderNo() == orderNo && c.userId() == userId).map(SeatClaim::seatId).toList());
    return held.containsAll(seatIds);
  }

  /**
   * The per-ID cap of a real-name showtime (docs/ARCHITECTURE.md §12): the order takes, for each ID number it names,
   * as many of that number's {@code cap} slots as it has tickets naming it. A slot is a primary key, so orders of
   * different accounts naming the same person never share one; slots the order already holds count (a retried step).
   * Answers the ID numbers (hashes) that have too few slots left; then the order holds none of its slots.
   */
  public List<String> claimHolders(long showtimeId, Instant startsAt, long orderNo, long userId,
      Map<String, Integer> ticketsPerIdNumber, int cap) {
    List<String> full = new ArrayList<>();
    // one ID number at a time, in a fixed order: two orders naming the same two people meet in the same order
    for (Map.Entry<String, Integer> wanted : new TreeMap<>(ticketsPerIdNumber).entrySet()) {
      if (!takeSlots(showtimeId, startsAt, orderNo, userId, wanted.getKey(), wanted.getValue(), cap)) {
        full.add(wanted.getKey());
      }
    }
    if (!full.isEmpty()) {
      holderClaims.deleteByOrder(showtimeId, orderNo);
    }
    return full;
  }

  private boolean takeSlots(long showtimeId, Instant startsAt, long orderNo, long userId, String hash, int tickets,
      int cap) {
    for (int attempt = 0; attempt < SLOT_ATTEMPTS; attempt++) {
      List<HolderClaimMapper.Slot> taken = holderClaims.slots(showtimeId, hash);
      long mine = taken.stream().filter(s -> s.orderNo() == orderNo).count();
      Set<Integer> used = new HashSet<>();
      taken.forEach(s -> used.add(s.slot()));
      List<Integer> free = IntStream.range(0, cap).filter(slot -> !used.contains(slot)).boxed().toList();
      long missing = tickets - mine;
      if (missing <= 0) {
        return true;
      }
      if (free.size() < missing) {
        return false;
      }
      try {
        for (int i = 0; i < missing; i++) {
          holderClaims.insert(showtimeId, hash, free.get(i), orderNo, userId, clock.instant(), startsAt);
        }
        return true;
      } catch (DuplicateKeyException racer) {
        // another order took a slot between the read and the insert: read again (slots taken so far stay ours)
      }
    }
    return false;
  }

  /** Gives the order's seats back (cancelled, expired, refunded, or its saga compensated), and its ID slots. */
  public int release(long showtimeId, long orderNo, long userId) {
    holderClaims.deleteByOrder(showtimeId, orderNo);
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
      holderClaims.deleteStartedBefore(showtimeId, startedBefore);
      total += claims.deleteStartedBefore(showtimeId, startedBefore);
    }
    return total;
  }

  public List<SeatClaim> ofShowtime(long showtimeId) {
    return claims.findByShowtime(showtimeId);
  }
}
