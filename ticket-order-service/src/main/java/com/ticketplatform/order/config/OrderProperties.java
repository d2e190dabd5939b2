package com.ticketplatform.order.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param paymentWindow how long an unpaid order holds its seats
 * @param seatLimit most seats one buyer may hold (locked or sold) in one showtime
 * @param expirySweepInterval how often the safety-net sweep looks for expired unpaid orders
 * @param orphanLockGrace a lock whose order never reached the database is freed by a rebuild only after this
 * @param placementsAtOnce most orders being placed at the same time by one instance (admission control)
 * @param placementQueueWait how long a placement beyond those may wait for its turn before a 503 with Retry-After
 */
@ConfigurationProperties("ticket.order")
public record OrderProperties(Duration paymentWindow, int seatLimit, Duration expirySweepInterval,
    Duration orphanLockGrace, int placementsAtOnce, Duration placementQueueWait) {

  public OrderProperties {
    paymentWindow = paymentWindow == null ? Duration.ofMinutes(15) : paymentWindow;
    seatLimit = seatLimit <= 0 ? 6 : seatLimit;
    expirySweepInterval = expirySweepInterval == null ? Duration.ofSeconds(30) : expirySweepInterval;
    orphanLockGrace = orphanLockGrace == null ? Duration.ofMinutes(2) : orphanLockGrace;
    placementsAtOnce = placementsAtOnce <= 0 ? 16 : placementsAtOnce;
    placementQueueWait = placementQueueWait == null ? Duration.ofSeconds(2) : placementQueueWait;
  }
}
