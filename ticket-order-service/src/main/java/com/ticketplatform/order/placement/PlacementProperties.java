package com.ticketplatform.order.placement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Placing orders, under the service's {@code ticket.order} keys (the seat limit is the seat inventory's:
 * {@code SeatProperties}).
 *
 * @param paymentWindow how long an unpaid order holds its seats
 * @param placementsAtOnce most orders being placed at the same time by one instance (admission control)
 * @param placementQueueWait how long a placement beyond those may wait for its turn before a 503 with Retry-After
 */
@ConfigurationProperties("ticket.order")
public record PlacementProperties(Duration paymentWindow, int placementsAtOnce, Duration placementQueueWait) {

  public PlacementProperties {
    paymentWindow = paymentWindow == null ? Duration.ofMinutes(15) : paymentWindow;
    placementsAtOnce = placementsAtOnce <= 0 ? 16 : placementsAtOnce;
    placementQueueWait = placementQueueWait == null ? Duration.ofSeconds(2) : placementQueueWait;
  }
}
