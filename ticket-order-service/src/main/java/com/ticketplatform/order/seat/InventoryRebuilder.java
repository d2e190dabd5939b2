package com.ticketplatform.order.seat;

import com.ticketplatform.client.program.ProgramClient;
import com.ticketplatform.client.program.ShowtimeSaleInfo;
import com.ticketplatform.common.id.SnowflakeIdGenerator;
import com.ticketplatform.common.seat.SeatInventoryKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a showtime's seat hash from the truth: the order shards ({@link SeatHolders}) say which seats are locked
 * or sold and to whom; the program service's sale info lists every seat ("A" for the rest). A missing hash is created
 * in one script; an existing one is patched field by field with compare-and-set, so seats locked concurrently are
 * never overwritten. A lock whose order is not in the database is kept while its saga may still be running (the order
 * number carries its creation time) and freed after {@code orphan-lock-grace}, unless it is an accepted order's
 * still waiting to be placed ({@link AcceptedOrders}).
 */
@Component
public class InventoryRebuilder {

  private static final Logger log = LoggerFactory.getLogger(InventoryRebuilder.class);

  private final SeatInventory inventory;
  private final SeatClaims claims;
  private final SeatHolders holders;
  private final ProgramClient programs;
  private final RedissonClient redisson;
  private final SeatProperties props;
  private final AcceptedOrders accepted;
  private final Clock clock;

  public InventoryRebuilder(SeatInventory inventory, SeatClaims claims, SeatHolders holders,
      ProgramClient programs, RedissonClient redisson, SeatProperties props, AcceptedOrders accepted, Clock clock) {
    this.accepted = accepted;
    this.inventory = inventory;
    this.claims = claims;
    this.holders = holders;
    this.programs = programs;
    this.redisson = redisson;
    this.props = props;
    this.clock = clock;
  }

  public record RebuildReport(long showtimeId, boolean created, long changed, int seats, int held) {}

  /** Rebuilds only when the hash is missing and the showtime is on sale; returns whether it did. */
  public boolean rebuildIfMissing(long showtimeId) {
    if (inventory.isInitialised(showtimeId)) {
      return false;
    }
    ShowtimeSaleInfo info = programs.saleInfo(showtimeId);
    if (!"ON_SALE".equals(info.status())) {
      return false;
    }
    rebuild(info);
    return true;
  }

  /**
   * Puts seats the database has claimed back into a hash that shows them otherwise (Redis lost or rewound them:
   * available, or held by another order): locked by the claiming order, or sold once it is paid. Only seats whose
   * value does not name their claimant are looked at (one HGETALL; usually none), a claim of a cancelled or refunded
   * order is left to {@link ClaimReaper}, and every change is a compare-and-set, so a concurrent one wins. A missing
   * hash is not touched: that is a rebuild's work.
   */
  public long restoreClaims(long showtimeId, List<SeatClaim> held) {
    if (held.isEmpty()) {
      return 0;
    }
    Map<Object, Object> current = inventory.snapshot(showtimeId);
    List<SeatInventory.SeatChange> changes = new ArrayList<>();
    for (SeatClaim claim : held) {
      String now = (String) current.get(Long.toString(claim.seatId()));
      if (now == null || claimedBy(now, claim)) {
        continue;
      }
      Optional<SeatHolder> holder = holders.find(claim.orderNo());
      if (holder.map(SeatHolder::released).orElse(false)) {
        continue;
      }
      // locked while the order awaits payment (or is not stored yet); sold once paid, also while it is refunded
      String wanted = holder.filter(h -> h.hold() == SeatHolder.Hold.SOLD)
          .map(h -> SeatInventoryKeys.sold(h.orderNo(), h.userId()))
          .orElse(SeatInventoryKeys.locked(claim.orderNo(), claim.userId()));
      changes.add(new SeatInventory.SeatChange(claim.seatId(), now, wanted));
    }
    long changed = changes.isEmpty() ? 0 : inventory.reconcile(showtimeId, false, changes);
    if (changed > 0) {
      log.warn("seat inventory of showtime {} showed {} claimed seat(s) as available: restored", showtimeId, changed);
    }
    return changed;
  }

  /**
   * The other direction of a stale hash: frees seats Redis shows held (locked or sold) by an order that holds them no
   * more, as a Redis restored from an older snapshot does for orders cancelled, expired or refunded since. A hold is
   * freed only when the database has no claim of that seat and its order is closed (cancelled or refunded), or is not
   * stored at all and older than {@code orphan-lock-grace} (a saga in flight writes its lock before its claim and its
   * order). Every change is a compare-and-set, so a purchase racing with it wins.
   */
  public Freed releaseUnclaimed(long showtimeId, List<SeatClaim> held) {
    Map<Object, Object> current = inventory.snapshot(showtimeId);
    if (current.isEmpty()) {
      return new Freed(0, false);
    }
    Map<Long, SeatClaim> claimBySeat = new HashMap<>();
    held.forEach(c -> claimBySeat.put(c.seatId(), c));
    long graceCutoff = clock.millis() - props.orphanLockGrace().toMillis();
    // per holding order: freed (closed, or never stored past its grace), kept (stored and live), or waiting (not
    // stored yet: within its grace, or an accepted order awaiting placement)
    Map<Long, Boolean> closed = new HashMap<>();
    Set<Long> waiting = new HashSet<>();
    List<SeatInventory.SeatChange> changes = new ArrayList<>();
    current.forEach((field, value) -> {
      String now = (String) value;
      if (SeatInventoryKeys.AVAILABLE.equals(now) || !(now.startsWith(SeatInventoryKeys.LOCKED_PREFIX)
          || now.startsWith(SeatInventoryKeys.SOLD_PREFIX))) {
        return;
      }
      long seat = Long.parseLong((String) field);
      long holder = Long.parseLong(now.split(":")[1]);
      SeatClaim claim = claimBySeat.get(seat);
      if (claim != null) {
        return; // claimed: by this order (fine) or by another one (restoreClaims puts the claimant back)
      }
      boolean gone = closed.computeIfAbsent(holder, n -> {
        // asked first: an accepted order placed in between is then found in the database
        boolean awaiting = accepted.awaitingPlacement(n);
        Optional<SeatHolder> stored = holders.find(n);
        boolean freed = stored.map(SeatHolder::released)
            .orElse(SnowflakeIdGenerator.timestampOf(n) < graceCutoff && !awaiting);
        if (stored.isEmpty() && !freed) {
          waiting.add(n);
        }
        return freed;
      });
      if (gone) {
        changes.add(new SeatInventory.SeatChange(seat, now, SeatInventoryKeys.AVAILABLE));
      }
    });
    long changed = changes.isEmpty() ? 0 : inventory.reconcile(showtimeId, false, changes);
    if (changed > 0) {
      log.warn("seat inventory of showtime {} held {} seat(s) for orders that hold them no more: freed", showtimeId,
          changed);
    }
    return new Freed(changed, !waiting.isEmpty());
  }

  /**
   * What {@link #releaseUnclaimed} did: the seats it freed, and whether it left a hold only time can settle (an order
   * not stored yet, within its grace or awaiting placement).
   */
  public record Freed(long seats, boolean waiting) {}

  /**
   * Marks sold the seats Redis shows only locked by an order the database has as paid (or being refunded): a Redis
   * rewound to before the payment. Left locked, a refund would never free them (it frees the order's sold seats).
   * Compare-and-set per seat; returns the seats changed.
   */
  public long sellPaidLocks(long showtimeId, Set<Long> sold) {
    if (sold.isEmpty()) {
      return 0;
    }
    Map<Object, Object> current = inventory.snapshot(showtimeId);
    List<SeatInventory.SeatChange> changes = new ArrayList<>();
    current.forEach((field, value) -> {
      String now = (String) value;
      if (!now.startsWith(SeatInventoryKeys.LOCKED_PREFIX)) {
        return;
      }
      String[] parts = now.split(":");
      long orderNo = Long.parseLong(parts[1]);
      if (sold.contains(orderNo)) {
        changes.add(new SeatInventory.SeatChange(Long.parseLong((String) field), now,
            SeatInventoryKeys.sold(orderNo, Long.parseLong(parts[2]))));
      }
    });
    long changed = changes.isEmpty() ? 0 : inventory.reconcile(showtimeId, false, changes);
    if (changed > 0) {
      log.warn("seat inventory of showtime {} showed {} seat(s) of paid orders as only locked: sold", showtimeId,
          changed);
    }
    return changed;
  }

  /** Whether a seat's value already names the claiming order (locked or sold by it). */
  private static boolean claimedBy(String value, SeatClaim claim) {
    return value.equals(SeatInventoryKeys.locked(claim.orderNo(), claim.userId()))
        || value.equals(SeatInventoryKeys.sold(claim.orderNo(), claim.userId()));
  }

  public RebuildReport rebuild(ShowtimeSaleInfo info) {
    long showtimeId = info.showtimeId();
    RLock lock = redisson.getLock("ticket:inv:{" + showtimeId + "}:rebuild-lock");
    try {
      if (!lock.tryLock(10, 60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("another rebuild of showtime " + showtimeId + " is running");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    try {
      return rebuildLocked(info);
    } finally {
      lock.unlock();
    }
  }

  private RebuildReport rebuildLocked(ShowtimeSaleInfo info) {
    long showtimeId = info.showtimeId();
    // Redis first, the database second: every change below is a compare-and-set against this snapshot, so a lock or
    // sale made after it (whose order the reads below may not see yet) makes its change fail instead of undoing it
    Map<Object, Object> current = inventory.snapshot(showtimeId);
    Map<Long, String> desired = new LinkedHashMap<>();
    info.seats().forEach(s -> desired.put(s.seatId(), SeatInventoryKeys.AVAILABLE));
    Map<Long, SeatHolder> holding = new HashMap<>();
    int held = 0;
    for (SeatHolder h : holders.holding(showtimeId)) {
      holding.put(h.orderNo(), h);
      for (long seat : h.seatIds()) {
        desired.put(seat, h.hold() == SeatHolder.Hold.LOCKED
            ? SeatInventoryKeys.locked(h.orderNo(), h.userId()) : SeatInventoryKeys.sold(h.orderNo(), h.userId()));
        held++;
      }
    }
    // a claim whose order is not in its shard yet belongs to a saga between LockSeats and CreateOrder: held too
    Map<Long, SeatClaim> claimed = new HashMap<>();
    for (SeatClaim claim : claims.ofShowtime(showtimeId)) {
      claimed.put(claim.seatId(), claim);
      if (!holding.containsKey(claim.orderNo()) && SeatInventoryKeys.AVAILABLE.equals(desired.get(claim.seatId()))) {
        desired.put(claim.seatId(), SeatInventoryKeys.locked(claim.orderNo(), claim.userId()));
        held++;
      }
    }
    if (!inventory.isInitialised(showtimeId)) {
      List<SeatInventory.SeatChange> all = new ArrayList<>();
      desired.forEach((seat, value) -> all.add(new SeatInventory.SeatChange(seat, null, value)));
      long created = inventory.reconcile(showtimeId, true, all);
      if (created >= 0) {
        log.warn("seat inventory of showtime {} was missing: rebuilt {} seats, {} held", showtimeId, created, held);
        return new RebuildReport(showtimeId, true, created, desired.size(), held);
      }
    }
    List<SeatInventory.SeatChange> changes = new ArrayList<>();
    long graceCutoff = clock.millis() - props.orphanLockGrace().toMillis();
    desired.forEach((seat, wanted) -> {
      String now = (String) current.get(Long.toString(seat));
      if (wanted.equals(now)) {
        return;
      }
      if (SeatInventoryKeys.AVAILABLE.equals(wanted) && now != null && now.startsWith(SeatInventoryKeys.LOCKED_PREFIX)) {
        long lockOrder = Long.parseLong(now.split(":")[1]);
        SeatClaim claim = claimed.get(seat);
        boolean awaiting = !holding.containsKey(lockOrder) && accepted.awaitingPlacement(lockOrder);
        boolean inFlight = !holding.containsKey(lockOrder) && holders.find(lockOrder).isEmpty()
            && (SnowflakeIdGenerator.timestampOf(lockOrder) > graceCutoff
                || claim != null && claim.orderNo() == lockOrder || awaiting);
        if (inFlight) {
          return;
        }
      }
      changes.add(new SeatInventory.SeatChange(seat, now == null ? "" : now, wanted));
    });
    long changed = changes.isEmpty() ? 0 : inventory.reconcile(showtimeId, false, changes);
    if (changed > 0) {
      log.warn("seat inventory of showtime {} drifted from the orders: {} seat(s) corrected", showtimeId, changed);
    }
    return new RebuildReport(showtimeId, false, changed, desired.size(), held);
  }
}
