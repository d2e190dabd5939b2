package com.ticketplatform.order.seat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a Redis restart or flush the seat hashes are gone; while one is missing the lock script refuses to lock
 * (never "all free"). This puts back every hash of a not-yet-started showtime that has live orders, when
 * {@link InventoryCheck} looks (at start-up, after a change, on its sweep). Showtimes without orders are rebuilt on
 * their first purchase attempt. A hash that is there but stale (Redis restored from an older snapshot) is checked
 * against the seat claims: a seat the database holds that Redis shows as available is put back on hold (the
 * direction that could sell it twice; the other one only delays a sale and is finished by {@link ClaimReaper}); a
 * hold Redis shows for an order cancelled, expired or refunded since is freed
 * ({@link InventoryRebuilder#releaseUnclaimed}), and a seat it shows only locked by an order paid since is marked
 * sold ({@link InventoryRebuilder#sellPaidLocks}).
 */
@Component
public class InventoryWatchdog {

  private static final Logger log = LoggerFactory.getLogger(InventoryWatchdog.class);

  /** Orders closed this recently still have their showtime checked: a rewound Redis may bring their holds back. */
  static final Duration RECENTLY_CLOSED = Duration.ofDays(1);

  private final SeatHolders holders;
  private final SeatClaims claims;
  private final InventoryRebuilder rebuilder;
  private final Clock clock;

  public InventoryWatchdog(SeatHolders holders, SeatClaims claims, InventoryRebuilder rebuilder, Clock clock) {
    this.holders = holders;
    this.claims = claims;
    this.rebuilder = rebuilder;
    this.clock = clock;
  }

  /**
   * Live orders that hold seats without claims (placed before the claims existed) get them, so the database judges
   * their seats too. Two live orders on one seat cannot both be claimed: that is reported, never resolved here.
   * Returns how many orders were claimed.
   */
  public int backfillClaims() {
    int claimed = 0;
    for (long showtimeId : holders.liveShowtimes(clock.instant())) {
      try {
        Set<Long> withClaims = claims.ofShowtime(showtimeId).stream().map(SeatClaim::orderNo)
            .collect(Collectors.toSet());
        for (long orderNo : holders.holdingOrderNos(showtimeId)) {
          if (withClaims.contains(orderNo)) {
            continue;
          }
          Optional<SeatHolder> holder = holders.find(orderNo);
          if (holder.isEmpty()) {
            continue;
          }
          List<Long> taken = claims.claim(showtimeId, holder.get().showtimeStartsAt(), orderNo, holder.get().userId(),
              holder.get().seatIds());
          if (taken.isEmpty()) {
            claimed++;
          } else {
            log.error("order {} holds seats {} of showtime {} that another live order holds too: check by hand",
                orderNo, taken, showtimeId);
          }
        }
      } catch (RuntimeException e) {
        log.warn("claiming the live orders of showtime {} failed: {}", showtimeId, e.toString());
      }
    }
    if (claimed > 0) {
      log.warn("seat claims written for {} live order(s) that had none", claimed);
    }
    return claimed;
  }

  /** Every showtime not yet started with live orders or orders closed within a day; returns those it corrected. */
  public int checkAll() {
    return checkAll(Set.of(), new HashSet<>());
  }

  /** Every showtime {@link #checkAll()} checks, and these too (changed, maybe without a stored order yet). */
  int checkAll(Set<Long> also, Set<Long> waiting) {
    Instant now = clock.instant();
    Set<Long> showtimes = new LinkedHashSet<>(holders.showtimesToCheck(now, now.minus(RECENTLY_CLOSED)));
    showtimes.addAll(also);
    return check(showtimes, waiting);
  }

  /**
   * These showtimes only (docs/ARCHITECTURE.md §2 "The inventory check"); adds to {@code waiting} those with a hold
   * only time can settle (a saga or an accepted order not stored yet), just rebuilt, or whose check failed.
   */
  int check(Collection<Long> showtimeIds, Set<Long> waiting) {
    int rebuilt = 0;
    for (long showtimeId : showtimeIds) {
      try {
        if (rebuilder.rebuildIfMissing(showtimeId)) {
          // a rebuild leaves the locks of sagas in flight alone: looked at again once they have settled
          waiting.add(showtimeId);
          rebuilt++;
          continue;
        }
        List<SeatClaim> held = claims.ofShowtime(showtimeId);
        long restored = rebuilder.restoreClaims(showtimeId, held);
        InventoryRebuilder.Freed freed = rebuilder.releaseUnclaimed(showtimeId, held);
        if (freed.waiting()) {
          waiting.add(showtimeId);
        }
        if (restored + freed.seats() + rebuilder.sellPaidLocks(showtimeId, holders.soldOrderNos(showtimeId)) > 0) {
          rebuilt++;
        }
      } catch (RuntimeException e) {
        waiting.add(showtimeId);
        log.warn("inventory check of showtime {} failed: {}", showtimeId, e.toString());
      }
    }
    return rebuilt;
  }
}
