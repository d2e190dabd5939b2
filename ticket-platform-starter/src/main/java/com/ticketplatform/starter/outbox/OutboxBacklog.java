package com.ticketplatform.starter.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far an outbox is behind (deploy/METRICS.md): {@code ticket_outbox_pending{store}}, rows written but not yet
 * published, {@code ticket_outbox_parked{store}}, those of them Kafka refused for good, and
 * {@code ticket_outbox_oldest_age_seconds{store}}, the age of the oldest of them (0 when none). The
 * service's relay measures its table now and then and reports here; the age is computed at scrape time, so it keeps
 * growing when the relay itself is stuck.
 */
public final class OutboxBacklog {

  private final Clock clock;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicReference<Instant> oldest = new AtomicReference<>();
  private final AtomicLong parked = new AtomicLong();

  public OutboxBacklog(MeterRegistry meters, String store, Clock clock) {
    this.clock = clock;
    Gauge.builder("ticket.outbox.pending", pending, AtomicLong::get)
        .description("outbox rows not yet published to Kafka")
        .tag("store", store)
        .register(meters);
    Gauge.builder("ticket.outbox.parked", parked, AtomicLong::get)
        .description("outbox rows Kafka refused for good, waiting for a person")
        .tag("store", store)
        .register(meters);
    Gauge.builder("ticket.outbox.oldest.age", this, OutboxBacklog::oldestAgeSeconds)
        .description("age of the oldest outbox row not yet published (0 when none)")
        .baseUnit("seconds")
        .tag("store", store)
        .register(meters);
  }

  /** @param oldestCreatedAt creation time of the oldest unpublished row, null when nothing is pending */
  public void measured(long pendingRows, Instant oldestCreatedAt) {
    measured(pendingRows, oldestCreatedAt, 0);
  }

  /** @param parkedRows of the pending rows, those Kafka refused for good */
  public void measured(long pendingRows, Instant oldestCreatedAt, long parkedRows) {
    pending.set(pendingRows);
    oldest.set(pendingRows == 0 ? null : oldestCreatedAt);
    parked.set(parkedRows);
  }

  double oldestAgeSeconds() {
    Instant at = oldest.get();
    return at == null ? 0 : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
  }
}
