package com.ticketplatform.order.placement;

import com.ticketplatform.common.error.ApiException;
import com.ticketplatform.order.order.OrderErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Admission control for placing orders. At most {@code placementsAtOnce} placements run at the same time; the next
 * ones wait for a turn up to {@code placementQueueWait}, then are refused with 503 and Retry-After. On an on-sale
 * peak, admitted orders stay fast, and the overflow gets a quick, honest "try again" instead of a client timeout
 * whose order completes anyway and holds its seats for the whole payment window.
 */
@Component
public class PlacementAdmission {

  private final Semaphore turns;
  private final Duration queueWait;
  private final Counter refused;

  public PlacementAdmission(PlacementProperties props, MeterRegistry meters) {
    this.turns = new Semaphore(props.placementsAtOnce(), true);
    this.queueWait = props.placementQueueWait();
    this.refused = Counter.builder("ticket.order.admission.refused")
        .description("order placements refused with 503 because every turn stayed taken for the queue wait")
        .register(meters);
    Gauge.builder("ticket.order.admission.in.flight", turns, t -> props.placementsAtOnce() - t.availablePermits())
        .description("order placements running now")
        .register(meters);
  }

  /** Runs the placement in its turn, or refuses it with 503 + Retry-After if no turn came within the queue wait. */
  public <T> T admit(Supplier<T> placement) {
    boolean admitted;
    try {
      admitted = turns.tryAcquire(queueWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      refused.increment();
      throw ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, OrderErrors.ORDERING_BUSY,
          "ordering is very busy right now; nothing was reserved, try again in a moment", Duration.ofSeconds(1));
    }
    try {
      return placement.get();
    } finally {
      turns.release();
    }
  }
}
