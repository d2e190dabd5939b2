package com.ticketplatform.order.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The seat limit and the orphan-lock grace are the seat inventory's ({@code SeatProperties}), under the same keys.
 *
 * @param paymentWindow how long an unpaid order holds its seats
 * @param expirySweepInterval how often the safety-net sweep looks for expired unpaid orders
 * @param placementsAtOnce most orders being placed at the same time by one instance (admission control)
 * @param placementQueueWait how long a placement beyond those may wait for its turn before a 503 with Retry-After
 */
@ConfigurationProperties("ticket.order")
public record OrderProperties(Duration paymentWindow, Duration expirySweepInterval, int placementsAtOnce,
    Duration placementQueueWait) {

  public OrderProperties {
    paymentWindow = paymentWindow == null ? Duration.ofMinutes(15) : paymentWindow;
    expirySweepInterval = expirySweepInterval == null ? Duration.ofSeconds(30) : expirySweepInterval;
    placementsAtOnce = placementsAtOnce <= 0 ? 16 : placementsAtOnce;
    placementQueueWait = placementQueueWait == null ? Duration.ofSeconds(2) : placementQueueWait;
  }
}
