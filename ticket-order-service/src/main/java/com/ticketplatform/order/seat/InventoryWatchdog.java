package com.ticketplatform.order.seat;

import com.ticketplatform.order.order.OrderRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * After a Redis restart or flush the seat hashes are gone; while one is missing the lock script refuses to lock
 * (never "all free"). This puts back every hash of a not-yet-started showtime that has live orders, at start-up and
 * periodically. Showtimes without orders are rebuilt on their first purchase attempt. A hash that is there but stale
 * (Redis restored from an older snapshot) is checked against the seat claims: a seat the database holds that Redis
 * shows as available is put back on hold (the direction that could sell it twice; the other one only delays a sale
 * and is finished by {@link ClaimReaper}).
 */
@Component
public class InventoryWatchdog {

  private static final Logger log = LoggerFactory.getLogger(InventoryWatchdog.class);

  private final OrderRepository orders;
  private final SeatClaims claims;
  private final InventoryRebuilder rebuilder;
  private final Clock clock;

  public InventoryWatchdog(OrderRepository orders, SeatClaims claims, InventoryRebuilder rebuilder, Clock clock) {
    this.orders = orders;
    this.claims = claims;
    this.rebuilder = rebuilder;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    checkAll();
  }

  @Scheduled(fixedDelayString = "${ticket.order.inventory-check-interval:PT30S}",
      initialDelayString = "${ticket.order.inventory-check-interval:PT30S}")
  public int checkAll() {
    int rebuilt = 0;
    for (long showtimeId : orders.findLiveShowtimes(clock.instant())) {
      try {
        if (rebuilder.rebuildIfMissing(showtimeId)) {
          rebuilt++;
        } else if (rebuilder.restoreClaims(showtimeId, claims.ofShowtime(showtimeId)) > 0) {
          rebuilt++;
        }
      } catch (RuntimeException e) {
        log.warn("inventory check of showtime {} failed: {}", showtimeId, e.toString());
      }
    }
    return rebuilt;
  }
}
