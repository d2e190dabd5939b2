package com.ticketplatform.order.seat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The seat inventory's settings, under the service's {@code ticket.order} keys.
 *
 * @param seatLimit most seats one buyer may hold (locked or sold) in one showtime: what the lock script enforces
 * @param orphanLockGrace a lock whose order never reached the database is freed by a rebuild only after this
 */
@ConfigurationProperties("ticket.order")
public record SeatProperties(int seatLimit, Duration orphanLockGrace) {

  public SeatProperties {
    seatLimit = seatLimit <= 0 ? 6 : seatLimit;
    orphanLockGrace = orphanLockGrace == null ? Duration.ofMinutes(2) : orphanLockGrace;
  }
}
